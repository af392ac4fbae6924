/**
 * Identity for the accounts of this PDS: their handles (the service domains, the rules for new ones,
 * resolution of handles elsewhere), their did:plc operations at the PLC directory, and DID resolution for
 * checking other services' signatures.
 *
 * <p>Spec: <a href="https://atproto.com/specs/handle">handle</a>, <a href="https://atproto.com/specs/did">DID</a>,
 * <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>.
 */
package dev.skein.pds.identity;
