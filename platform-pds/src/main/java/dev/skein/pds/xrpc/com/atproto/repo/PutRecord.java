package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationStatus;
import dev.skein.pds.repo.WriteOutcome;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.repo.putRecord}: creates or replaces a record. Replacing it with identical content
 * makes no commit (the answer has no {@code commit}); {@code swapRecord: null} demands that the record not
 * exist, as {@code @atproto/api}'s {@code upsertProfile} uses it.
 */
@Component
public final class PutRecord extends RepoWriteMethod {
    public static final Nsid NSID = ComAtproto.Repo.PUT_RECORD;

    public PutRecord(RepoService repos) {
        super(repos);
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    List<RecordWrite> writes(MapValue body) {
        return List.of(new RecordWrite.Put(WriteInput.collection(body), WriteInput.requireRkey(body),
                WriteInput.record(body, "record"), WriteInput.swapRecord(body)));
    }

    @Override
    XrpcResponse output(WriteResult result) {
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
