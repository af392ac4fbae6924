package dev.skein.relay.xrpc.admin;

import dev.skein.core.data.BoolValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;

/**
 * {@code com.atproto.admin.updateSubjectStatus} for repositories: {@code takedown.applied} takes the account down
 * at this relay (its events are no longer passed, and an {@code #account} event says so) or lifts it. Other
 * subjects (records, blobs) are not the relay's. The input is checked against the lexicon before this runs.
 */
public final class UpdateSubjectStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.UPDATE_SUBJECT_STATUS;
    static final String REPO_REF = ComAtproto.Admin.DEFS_REPO_REF;
    private final Relay relay;

    public UpdateSubjectStatus(Relay relay) {
        this.relay = relay;
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
        return AuthRequirement.ADMIN;
    }

    @Override
    public XrpcResponse call(XrpcRequest request) {
        MapValue in = request.body();
        MapValue subject = in.getMap("subject").orElseThrow(); // required by the lexicon
        if (!subject.type().map(REPO_REF::equals).orElse(false)) {
            throw XrpcException.invalidRequest("the relay only takes repo subjects (" + REPO_REF + ")");
        }
        Did did = Did.parse(subject.getString("did").orElseThrow()); // a did, by the lexicon's repoRef
        MapValue takedown = in.getMap("takedown").orElseThrow(() ->
                XrpcException.invalidRequest("Input must have the property \"takedown\" with \"applied\""));
        boolean applied = takedown.get("applied") instanceof BoolValue b && b.value(); // required by statusAttr
        relay.processor().setTakedown(did, applied)
                .orElseThrow(() -> new XrpcException(400, "RepoNotFound", "Could not find repo for DID: " + did));
        MapValue.Builder t = MapValue.builder().put("applied", applied);
        takedown.getString("ref").ifPresent(ref -> t.put("ref", ref));
        return XrpcResponse.json(MapValue.builder()
                .put("subject", MapValue.builder().put("$type", REPO_REF).put("did", did.value()).build())
                .put("takedown", t.build())
                .build());
    }
}
