package dev.skein.relay.xrpc.admin;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.web.JsonBodies;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * {@code com.atproto.admin.updateSubjectStatus} for repositories: {@code takedown.applied} takes the account down
 * at this relay (its events are no longer passed, and an {@code #account} event says so) or lifts it. Other
 * subjects (records, blobs) are not the relay's.
 */
public final class UpdateSubjectStatus implements XrpcMethod {
    public static final String NSID = ComAtproto.Admin.UPDATE_SUBJECT_STATUS.value();
    static final String REPO_REF = ComAtproto.Admin.DEFS_REPO_REF;
    private final Relay relay;

    public UpdateSubjectStatus(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public HttpMethod httpMethod() {
        return HttpMethod.POST;
    }

    @Override
    public boolean admin() {
        return true;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return JsonBodies.read(request).publishOn(Schedulers.boundedElastic()).map(body -> {
            JsonNode subject = body.path("subject");
            if (!REPO_REF.equals(subject.path("$type").asString(null))) {
                throw XrpcError.invalidRequest("the relay only takes repo subjects (" + REPO_REF + ")");
            }
            Did did;
            try {
                did = Did.parse(JsonBodies.string(subject, "did"));
            } catch (InvalidSyntaxException e) {
                throw XrpcError.invalidRequest("subject.did must be a valid did");
            }
            JsonNode takedown = body.get("takedown");
            if (takedown == null || !takedown.path("applied").isBoolean()) {
                throw XrpcError.invalidRequest("Input must have the property \"takedown\" with \"applied\"");
            }
            boolean applied = takedown.path("applied").asBoolean();
            relay.processor().setTakedown(did, applied)
                    .orElseThrow(() -> new XrpcError(400, "RepoNotFound", "Could not find repo for DID: " + did));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("subject", Map.of("$type", REPO_REF, "did", did.value()));
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("applied", applied);
            if (takedown.hasNonNull("ref")) {
                t.put("ref", takedown.get("ref").asString());
            }
            out.put("takedown", t);
            return out;
        }).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
