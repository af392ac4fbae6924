package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the four repository write procedures share: an access token, the input's {@code repo} and
 * {@code swapCommit}, and one path through {@link RepoService#write}. Reading the input (which may check the
 * account's keys and blobs) runs off the event loop; the answer is built once the batch holding the writes is
 * durable. Subclasses say which writes an input asks for, how they are validated, and what the answer is.
 */
abstract sealed class RepoWriteMethod implements XrpcMethod
        permits CreateRecord, PutRecord, DeleteRecord, ApplyWrites {
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
        return Mono.fromCallable(() -> {
            MapValue body = request.body();
            return repos.write(request.credentials(AccessCredentials.class).did(), WriteInput.repo(body), writes(body),
                    WriteInput.cid(body, "swapCommit"), validation(body));
        }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(f -> Mono.fromFuture(f).publishOn(Schedulers.parallel())).map(this::output);
    }
}
