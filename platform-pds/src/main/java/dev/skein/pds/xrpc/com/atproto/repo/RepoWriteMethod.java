package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationMode;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the four repository write procedures share: an access token, the input's {@code repo} and
 * {@code swapCommit}, and one path through {@link RepoService#write}. A call of one write to the caller's own
 * repository, named by its DID, is prepared in the thread that has its input, since that needs no I/O; any other
 * (a handle to resolve, or many records to check) runs off the event loop. The answer is built once the batch
 * holding the writes is durable. Subclasses say which writes an input asks for, how they are validated, and what the answer is.
 */
abstract sealed class RepoWriteMethod implements XrpcMethod
        permits CreateRecord, PutRecord, DeleteRecord, ApplyWrites {
    /**
     * Most writes a call may carry to be prepared in the thread that received it (the event loop): preparing
     * one record (lexicon check, encoding, CID) costs less than handing the call to another thread.
     */
    private static final int INLINE_WRITES = 1;

    private final RepoService repos;

    RepoWriteMethod(RepoService repos) {
        this.repos = repos;
    }

    /** The writes the input asks for, in order; bad input is an {@code InvalidRequest}. */
    abstract List<RecordWrite> writes(MapValue body);

    /** How the records written are checked against their lexicons. */
    ValidationMode validation(MapValue body) {
        return WriteInput.validate(body);
    }

    /** The procedure's answer for a durable result. */
    abstract XrpcResponse output(WriteResult result);

    @Override
    public final Kind kind() {
        return Kind.PROCEDURE;
    }

    @Override
    public final AuthRequirement auth() {
        return AuthRequirement.ACCESS;
    }

    @Override
    public final Mono<XrpcResponse> handle(XrpcRequest request) {
        return Mono.defer(() -> {
            MapValue body = request.body();
            Did caller = request.credentials(AccessCredentials.class).did();
            String repo = WriteInput.repo(body);
            List<RecordWrite> writes = writes(body);
            Callable<CompletableFuture<WriteResult>> queue = () -> repos.write(caller, repo, writes,
                    WriteInput.cid(body, "swapCommit"), validation(body));
            Mono<CompletableFuture<WriteResult>> queued = repos.preparesWithoutIo(caller, repo) && writes.size() <= INLINE_WRITES
                    ? Mono.fromCallable(queue) : Mono.fromCallable(queue).subscribeOn(Schedulers.boundedElastic());
            // The answer, or the refusal of a write that failed preparation, is built on a parallel thread, never
            // on the writer's or the durability thread, which complete the future.
            return queued.flatMap(Mono::fromFuture).publishOn(Schedulers.parallel()).map(this::output);
        });
    }
}
