package dev.skein.pds.xrpc.com.atproto.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.repo.CommitMeta;
import dev.skein.pds.repo.RecordWrite;
import dev.skein.pds.repo.RepoService;
import dev.skein.pds.repo.ValidationMode;
import dev.skein.pds.repo.WriteResult;
import dev.skein.xrpc.XrpcResponse;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code com.atproto.repo.deleteRecord}: removes a record; a record that does not exist is nothing to do (no commit). */
@Component
public final class DeleteRecord extends RepoWriteMethod {
    public static final Nsid NSID = ComAtproto.Repo.DELETE_RECORD;

    public DeleteRecord(RepoService repos) {
        super(repos);
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    List<RecordWrite> writes(MapValue body) {
        return List.of(new RecordWrite.Delete(WriteInput.collection(body), WriteInput.requireRkey(body),
                WriteInput.swapRecord(body), true));
    }

    /** A delete writes no record: nothing to validate. */
    @Override
    ValidationMode validation(MapValue body) {
        return ValidationMode.SKIP;
    }

    @Override
    XrpcResponse output(WriteResult result) {
        MapValue.Builder b = MapValue.builder();
        result.commit().map(CommitMeta::toValue).ifPresent(c -> b.put("commit", c));
        return XrpcResponse.json(b.build());
    }
}
