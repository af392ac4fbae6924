/**
 * Blobs: uploaded media, stored as files under the blob folder ({@link dev.skein.pds.blob.BlobFiles}) and
 * listed in the {@code blob} table; the {@code record_blob} table says which current records reference
 * which blob. Records may only reference blobs their account uploaded, with the uploaded type and size;
 * unreferenced blobs are collected after a grace period.
 *
 * <p>Spec: <a href="https://atproto.com/specs/blob">blobs</a>.
 */
package dev.skein.pds.blob;
