/**
 * The atproto data model: one sealed value type, {@link dev.skein.core.data.DataValue}, for everything a
 * record, MST node, commit or firehose frame can hold (null, boolean, integer, string, bytes, CID link,
 * array, map), plus blob references and the JSON representation used by HTTP APIs.
 *
 * <p>There are no floats in the data model. Maps keep their keys in DRISL order (UTF-8 length, then
 * bytes) from construction on, so encoding never sorts.
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model">data model</a>.
 */
package dev.skein.core.data;
