package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.repo.CommitMeta;
import dev.skein.pds.repo.RecordSwap;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationStatus;
import dev.skein.pds.repo.WriteOutcome;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.applyWrites}: up to {@value RepoService#MAX_WRITES} creates, updates and deletes
 * in one commit, all or nothing. Items and results carry their {@code $type}: the unions are closed. An
 * update needs the record to exist, a delete too.
 */
@Component
public final class ApplyWrites extends RepoWriteMethod {
    public static final Nsid NSID = ComAtproto.Repo.APPLY_WRITES;
    static final String CREATE = ComAtproto.Repo.APPLY_WRITES_CREATE;
    static final String UPDATE = ComAtproto.Repo.APPLY_WRITES_UPDATE;
    static final String DELETE = ComAtproto.Repo.APPLY_WRITES_DELETE;

    public ApplyWrites(RepoService repos) {
        super(repos);
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    List<RecordWrite> writes(MapValue body) {
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

    @Override
    XrpcResponse output(WriteResult result) {
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
