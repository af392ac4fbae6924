package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.repo.CommitMeta;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationMode;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.repo.deleteRecord}: removes a record; a record that does not exist is nothing to do (no commit). */
@Component
public final class DeleteRecord implements XrpcMethod {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.deleteRecord");

    private final RepoService repos;

    public DeleteRecord(RepoService repos) {
        this.repos = repos;
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
    public AuthRequirement auth() {
        return AuthRequirement.ACCESS;
    }

    @Override
    public Mono<XrpcResponse> handle(XrpcRequest request) {
        return Mono.fromCallable(() -> start(request)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(f -> Mono.fromFuture(f).publishOn(Schedulers.parallel())).map(DeleteRecord::output);
    }

    private CompletableFuture<WriteResult> start(XrpcRequest request) {
        MapValue body = request.body();
        RecordWrite write = new RecordWrite.Delete(WriteInput.collection(body), WriteInput.requireRkey(body),
                WriteInput.swapRecord(body), true);
        return repos.write(request.credentials(AccessCredentials.class).did(), WriteInput.repo(body), List.of(write),
                WriteInput.cid(body, "swapCommit"), ValidationMode.SKIP);
    }

    private static XrpcResponse output(WriteResult result) {
        MapValue.Builder b = MapValue.builder();
        result.commit().map(CommitMeta::toValue).ifPresent(c -> b.put("commit", c));
        return XrpcResponse.json(b.build());
    }
}
