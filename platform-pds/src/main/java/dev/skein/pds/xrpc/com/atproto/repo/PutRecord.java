package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.cid.Cid;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code com.atproto.repo.putRecord}: creates or replaces a record. Replacing it with identical content
 * makes no commit (the answer has no {@code commit}); {@code swapRecord: null} demands that the record not
 * exist, as {@code @atproto/api}'s {@code upsertProfile} uses it.
 */
@Component
public final class PutRecord implements XrpcMethod {
    public static final Nsid NSID = Nsid.parse("com.atproto.repo.putRecord");

    private final RepoService repos;

    public PutRecord(RepoService repos) {
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
                .flatMap(f -> Mono.fromFuture(f).publishOn(Schedulers.parallel())).map(PutRecord::output);
    }

    private CompletableFuture<WriteResult> start(XrpcRequest request) {
        MapValue body = request.body();
        RecordWrite write = new RecordWrite.Put(WriteInput.collection(body), WriteInput.requireRkey(body),
                WriteInput.record(body, "record"), WriteInput.swapRecord(body));
        return repos.write(request.credentials(AccessCredentials.class).did(), WriteInput.repo(body), List.of(write),
                WriteInput.cid(body, "swapCommit"), WriteInput.validate(body));
    }

    private static XrpcResponse output(WriteResult result) {
        WriteOutcome outcome = result.single();
        record Written(Cid cid, Optional<ValidationStatus> validation) {}
        Written w = switch (outcome) {
            case WriteOutcome.Created c -> new Written(c.cid(), c.validation());
            case WriteOutcome.Updated u -> new Written(u.cid(), u.validation());
            case WriteOutcome.Unchanged u -> new Written(u.cid(), u.validation());
            case WriteOutcome.Deleted d -> throw new IllegalStateException("a put deleted " + d.uri());
            case WriteOutcome.Absent a -> throw new IllegalStateException("a put found nothing at " + a.uri());
        };
        return XrpcResponse.json(WriteInput.recordOutput(outcome.uri().toString(), w.cid(), result,
                w.validation().map(ValidationStatus::wire)));
    }
}
