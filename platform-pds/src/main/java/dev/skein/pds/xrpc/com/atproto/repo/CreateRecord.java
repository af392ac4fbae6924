package dev.skein.pds.xrpc.com.atproto.repo;

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
import org.springframework.stereotype.Component;

/** {@code com.atproto.repo.createRecord}: a new record in the caller's repository, under a new TID unless {@code rkey}. */
@Component
public final class CreateRecord extends RepoWriteMethod {
    public static final Nsid NSID = ComAtproto.Repo.CREATE_RECORD;

    public CreateRecord(RepoService repos) {
        super(repos);
    }

    @Override
    public Nsid nsid() {
        return NSID;
    }

    @Override
    List<RecordWrite> writes(MapValue body) {
        return List.of(new RecordWrite.Create(WriteInput.collection(body), WriteInput.rkey(body),
                WriteInput.record(body, "record")));
    }

    @Override
    XrpcResponse output(WriteResult result) {
        WriteOutcome.Created created = (WriteOutcome.Created) result.single();
        return XrpcResponse.json(WriteInput.recordOutput(created.uri().toString(), created.cid(), result,
                created.validation().map(ValidationStatus::wire)));
    }
}
