package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationStatus;
import dev.skein.pds.repo.WriteOutcome;
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

/** {@code com.atproto.repo.createRecord}: a new record in the caller's repository, under a new TID unless {@code rkey}. */
@Component
public final class CreateRecord implements XrpcMethod {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.createRecord");

    private final RepoService repos;

    public CreateRecord(RepoService repos) {
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
                .flatMap(f -> Mono.fromFuture(f).publishOn(Schedulers.parallel())).map(CreateRecord::output);
    }

    private CompletableFuture<WriteResult> start(XrpcRequest request) {
        MapValue body = request.body();
        RecordWrite write = new RecordWrite.Create(WriteInput.collection(body), WriteInput.rkey(body),
                WriteInput.record(body, "record"));
        return repos.write(request.credentials(AccessCredentials.class).did(), WriteInput.repo(body), List.of(write),
                WriteInput.cid(body, "swapCommit"), WriteInput.validate(body));
    }

    private static XrpcResponse output(WriteResult result) {
        WriteOutcome.Created created = (WriteOutcome.Created) result.single();
        return XrpcResponse.json(WriteInput.recordOutput(created.uri().toString(), created.cid(), result,
                created.validation().map(ValidationStatus::wire)));
    }
}
