package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.blob.StoredBlob;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcInput;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.uploadBlob}: stores the raw body as a blob of the caller and answers its
 * reference, with the type sniffed from the bytes. Bodies over {@code skein.pds.blob-upload-limit} are 413
 * {@code PayloadTooLarge} (the dispatcher stops reading them).
 */
@Component
public final class UploadBlob implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Repo.UPLOAD_BLOB;

    private final Blobs blobs;

    public UploadBlob(Blobs blobs) {
        this.blobs = blobs;
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Kind kind() {
        return Kind.PROCEDURE;
    }

    @Override
    public Input input() {
        return Input.BYTES;
    }

    @Override
    public AuthRequirement auth() {
        return AuthRequirement.ACCESS;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        XrpcInput.Binary body = request.binary();
        StoredBlob blob = blobs.upload(request.credentials(AccessCredentials.class).did(), body.bytes(), body.contentType());
        return XrpcResponse.json(MapValue.builder().put("blob", blob.ref().toValue()).build());
    }
}
