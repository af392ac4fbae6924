/**
 * The directory's HTTP API (WebFlux functional routes), matching the reference directory's routes, status
 * codes, content types and {@code {"message": …}} error bodies.
 *
 * <p>Spec: <a href="https://web.plc.directory/api/redoc">PLC directory API</a>,
 * <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>.
 */
package dev.skein.plc.http;
