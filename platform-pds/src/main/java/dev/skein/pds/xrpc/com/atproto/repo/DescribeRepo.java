package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.identity.DidResolver;
import dev.skein.pds.repo.RepoAccess;
import dev.skein.pds.repo.RepoReader;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.describeRepo}: the account's handle and DID, its current DID document (required:
 * {@code @atproto/api} rejects an answer without it), its collections, and whether the document's handle
 * is the one stored here.
 */
@Component
public final class DescribeRepo implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Repo.DESCRIBE_REPO;

    private final RepoAccess access;
    private final RepoReader reader;
    private final DidResolver dids;

    public DescribeRepo(RepoAccess access, RepoReader reader, DidResolver dids) {
        this.access = access;
        this.reader = reader;
        this.dids = dids;
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
        Account account = access.requireAvailable(request.params().requireString("repo"));
        DidDocument doc;
        try {
            doc = dids.resolve(account.did(), false)
                    .orElseThrow(() -> XrpcException.invalidRequest("Could not resolve DID: " + account.did()));
        } catch (RuntimeException e) {
            if (e instanceof XrpcException x && x.status() == 400) {
                throw x;
            }
            throw XrpcException.invalidRequest("Could not resolve DID: " + account.did());
        }
        List<DataValue> collections = reader.collections(account.did()).stream()
                .<DataValue>map(c -> new StringValue(c.value())).toList();
        boolean handleIsCorrect = account.handle().isPresent()
                && doc.handle().map(h -> h.normalized().equals(account.handle().get().normalized())).orElse(false);
        return XrpcResponse.json(MapValue.builder()
                .put("handle", account.handleOrInvalid().value())
                .put("did", account.did().value())
                .put("didDoc", DataJson.parse(doc.toJson()))
                .put("collections", new ArrayValue(collections))
                .put("handleIsCorrect", handleIsCorrect)
                .build());
    }
}
