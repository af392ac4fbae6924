package dev.skein.relay.xrpc.sync;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.relay.Relay;
import dev.skein.relay.ingest.AccountState;
import dev.skein.relay.web.Params;
import dev.skein.relay.web.XrpcError;
import dev.skein.relay.web.XrpcMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code com.atproto.sync.listRepos}: the accounts the relay has seen a commit of, in DID order. */
public final class ListRepos implements XrpcMethod {
    public static final String NSID = ComAtproto.Sync.LIST_REPOS.value();
    private final Relay relay;

    public ListRepos(Relay relay) {
        this.relay = relay;
    }

    @Override
    public String nsid() {
        return NSID;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        int limit = Params.limit(request, "limit", 1, 1000, 500);
        Did after = Params.optional(request, "cursor").map(c -> {
            try {
                return Did.parse(c);
            } catch (InvalidSyntaxException e) {
                throw XrpcError.invalidRequest("malformed cursor");
            }
        }).orElse(null);
        return Mono.fromCallable(() -> {
            List<AccountState> page = relay.accountStore().list(after, limit);
            List<Map<String, Object>> repos = new ArrayList<>();
            for (AccountState stored : page) {
                // The row may lag behind the account's last commit (written at the next checkpoint): prefer memory.
                AccountState loaded = relay.processor().accounts().peek(stored.did());
                AccountState s = loaded != null ? loaded : stored;
                if (!s.hasCommit()) {
                    continue; // head and rev are required: an account without a verified commit is not listed
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("did", s.did().value());
                r.put("head", s.commit().toString());
                r.put("rev", s.rev().value());
                r.put("active", s.active());
                if (!s.active()) {
                    r.put("status", s.status().wire());
                }
                repos.add(r);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (page.size() == limit) {
                body.put("cursor", page.getLast().did().value());
            }
            body.put("repos", repos);
            return body;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> ServerResponse.ok().bodyValue(b));
    }
}
