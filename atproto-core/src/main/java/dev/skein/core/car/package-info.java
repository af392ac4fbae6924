/**
 * CAR v1 (Content Addressable aRchive) files: the container for repository exports, firehose CAR slices
 * and {@code sync.getBlocks} answers.
 *
 * <p>A CAR is {@code varint(len) ‖ header} with header {@code {roots: [link…], version: 1}} in DRISL,
 * followed by sections {@code varint(len) ‖ binary CID ‖ block bytes}. {@link dev.skein.core.car.CarWriter}
 * streams one out; {@link dev.skein.core.car.CarReader} streams one in under
 * {@linkplain dev.skein.core.car.CarLimits limits}, checking every block against its CID. Readers accept
 * blocks in any order, duplicated or unreferenced, as the repository spec requires.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#car-file-serialization">repository: CAR file
 * serialization</a>, <a href="https://ipld.io/specs/transport/car/carv1/">CARv1</a>,
 * <a href="https://dasl.ing/car.html">DASL CAR</a>.
 */
package dev.skein.core.car;
