package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.data.BoolValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.AccountLifecycle;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.BlockingXrpcMethod;
import dev.skein.xrpc.XrpcException;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code com.atproto.admin.updateSubjectStatus}: takes an account down or restores it ({@code takedown}),
 * or deactivates or reactivates it ({@code deactivated}). Record and blob subjects are not supported yet.
 */
@Component
public final class UpdateSubjectStatus implements BlockingXrpcMethod {
    public static final Nsid NSID = ComAtproto.Admin.UPDATE_SUBJECT_STATUS;

    private final AccountLifecycle lifecycle;

    public UpdateSubjectStatus(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
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
        MapValue subject = in.getMap("subject").orElseThrow();
        if (!subject.type().map(AdminViews.REPO_REF::equals).orElse(false)) {
            throw XrpcException.invalidRequest("Only account subjects (" + AdminViews.REPO_REF + ") are supported");
        }
        Did did = Did.parse(subject.getString("did").orElseThrow());
        Optional<MapValue> takedown = in.getMap("takedown");
        takedown.ifPresent(t -> lifecycle.takedown(did, applied(t), t.getString("ref")));
        in.getMap("deactivated").ifPresent(d -> {
            if (applied(d)) {
                lifecycle.deactivate(did, Optional.empty());
            } else {
                lifecycle.activate(did);
            }
        });
        MapValue.Builder out = MapValue.builder().put("subject", AdminViews.repoRef(did));
        takedown.ifPresent(t -> out.put("takedown", t));
        return XrpcResponse.json(out.build());
    }

    private static boolean applied(MapValue attr) {
        return attr.get("applied") instanceof BoolValue b && b.value();
    }
}
