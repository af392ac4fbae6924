package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.auth.AccessCredentials;
import dev.skein.pds.repo.CommitMeta;
import dev.skein.pds.repo.RecordSwap;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationStatus;
import dev.skein.pds.repo.WriteOutcome;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code com.atproto.repo.applyWrites}: up to {@value RepoService#MAX_WRITES} creates, updates and deletes
 * in one commit, all or nothing. Items and results carry their {@code $type}: the unions are closed. An
 * update needs the record to exist, a delete too.
 */
@Component
public final class ApplyWrites implements XrpcMethod {
    static final String ID = "com.atproto.repo.applyWrites";
    public static final Nsid NSID = Nsid.parse(ID);
    static final String CREATE = ID + "#create";
    static final String UPDATE = ID + "#update";
    static final String DELETE = ID + "#delete";

    private final RepoService repos;

    public ApplyWrites(RepoService repos) {
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
                .flatMap(f -> Mono.fromFuture(f).publishOn(Schedulers.parallel())).map(ApplyWrites::output);
    }

    private CompletableFuture<WriteResult> start(XrpcRequest request) {
        MapValue body = request.body();
        List<RecordWrite> writes = writes(body);
        return repos.write(request.credentials(AccessCredentials.class).did(), WriteInput.repo(body), writes,
                WriteInput.cid(body, "swapCommit"), WriteInput.validate(body));
    }

    /** The writes of an input; how many there are, and what kinds, is also what the rate limit counts. */
    public static List<RecordWrite> writes(MapValue body) {
        if (!(body.get("writes") instanceof ArrayValue items)) {
            throw XrpcException.invalidRequest("Input must have the property \"writes\"");
        }
        if (items.size() > RepoService.MAX_WRITES) {
            throw XrpcException.invalidRequest("Too many writes. Max: " + RepoService.MAX_WRITES);
        }
        List<RecordWrite> writes = new ArrayList<>(items.size());
        for (DataValue item : items.items()) {
            if (!(item instanceof MapValue w)) {
                throw XrpcException.invalidRequest("Input/writes items must be objects");
            }
            String type = w.type().orElse("");
            writes.add(switch (type) {
                case CREATE -> new RecordWrite.Create(WriteInput.collection(w), WriteInput.rkey(w), WriteInput.record(w, "value"));
                case UPDATE -> new RecordWrite.Update(WriteInput.collection(w), WriteInput.requireRkey(w), WriteInput.record(w, "value"));
                case DELETE -> new RecordWrite.Delete(WriteInput.collection(w), WriteInput.requireRkey(w), RecordSwap.NONE, false);
                default -> throw XrpcException.invalidRequest("Input/writes items must be one of " + CREATE + ", " + UPDATE
                        + ", " + DELETE);
            });
        }
        return writes;
    }

    private static XrpcResponse output(WriteResult result) {
        List<DataValue> results = new ArrayList<>(result.outcomes().size());
        for (WriteOutcome o : result.outcomes()) {
            results.add(switch (o) {
                case WriteOutcome.Created c -> written(NSID + "#createResult", c.uri().toString(), c.cid().toString(), c.validation());
                case WriteOutcome.Updated u -> written(NSID + "#updateResult", u.uri().toString(), u.cid().toString(), u.validation());
                case WriteOutcome.Unchanged u -> written(NSID + "#updateResult", u.uri().toString(), u.cid().toString(), u.validation());
                case WriteOutcome.Deleted d -> MapValue.builder().put("$type", NSID + "#deleteResult").build();
                case WriteOutcome.Absent a -> MapValue.builder().put("$type", NSID + "#deleteResult").build();
            });
        }
        MapValue.Builder b = MapValue.builder();
        result.commit().map(CommitMeta::toValue).ifPresent(c -> b.put("commit", c));
        b.put("results", new ArrayValue(results));
        return XrpcResponse.json(b.build());
    }

    private static MapValue written(String type, String uri, String cid, Optional<ValidationStatus> validation) {
        MapValue.Builder b = MapValue.builder().put("$type", type).put("uri", uri).put("cid", cid);
        validation.ifPresent(v -> b.put("validationStatus", v.wire()));
        return b.build();
    }
}
