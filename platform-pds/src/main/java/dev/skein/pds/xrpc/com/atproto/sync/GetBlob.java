package dev.skein.pds.xrpc.com.atproto.sync;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.blob.Blobs;
import dev.skein.pds.repo.RepoAccess;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.sync.getBlob}: a blob's bytes, with the type it was stored with. As the reference PDS
 * does, the answer tells browsers not to sniff or run it ({@code X-Content-Type-Options},
 * {@code Content-Security-Policy}), since blobs are whatever accounts uploaded.
 */
@Component
public final class GetBlob implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Sync.GET_BLOB;
    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; sandbox");

    private final RepoAccess access;
    private final Blobs blobs;

    public GetBlob(RepoAccess access, Blobs blobs) {
        this.access = access;
        this.blobs = blobs;
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    public Kind kind() {
        return Kind.QUERY;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        Account account = access.requireAvailable(request.params().requireString("did"));
        String cidParam = request.params().requireString("cid");
        Cid cid;
        try {
            cid = Cid.parse(cidParam);
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("cid must be a valid CID: " + cidParam);
        }
        Blobs.Content content = blobs.read(account.did(), cid)
                .orElseThrow(() -> XrpcException.badRequest("BlobNotFound", "Blob not found: " + cid));
        return new XrpcResponse.Binary(content.bytes(), content.blob().mimeType(), HEADERS);
    }
}
