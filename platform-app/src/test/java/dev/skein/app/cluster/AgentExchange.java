package dev.skein.app.cluster;

import static dev.skein.app.cluster.XrpcCalls.createAccount;
import static dev.skein.app.cluster.XrpcCalls.createRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.PublicKey;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.repo.VerifiedCommit;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.lexicon.agent.comms.Defs;
import dev.skein.lexicon.agent.comms.Message;
import dev.skein.lexicon.agent.comms.Request;
import dev.skein.lexicon.agent.comms.Response;
import dev.skein.app.cluster.XrpcCalls.Agent;
import dev.skein.app.cluster.XrpcCalls.Written;
import dev.skein.lexicon.com.atproto.repo.StrongRef;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The agent network end to end, as issue 6 describes it: agent A on one PDS sends agent B on another an
 * {@code agent.comms.message} and an {@code agent.comms.request}; B's side sees both through the relay, on its
 * {@code subscribeRepos} (every {@code #commit} and {@code #sync} verified with atproto-core's verifier against
 * the key in the author's DID document at the PLC directory) and on its Jetstream {@code /subscribe} filtered to
 * {@code agent.comms.*} and A's DID (Jetstream's {@code wantedDids} selects authors; the recipient is in the
 * record); then B's {@code agent.comms.response} reaches A the same way. The records are built with the types
 * generated from the lexicons.
 *
 * @param pdsA where agent A lives
 * @param pdsB where agent B lives (may be the same PDS)
 * @param relay the relay that crawls both
 * @param plc the PLC directory the PDSes register with
 */
public record AgentExchange(URI pdsA, URI pdsB, URI relay, URI plc) {
    /** How long one hop (a write reaching the relay's streams) may take on a loaded machine. */
    static final Duration HOP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = XrpcCalls.HTTP;
    private static final ObjectMapper JSON = XrpcCalls.JSON;

    public void run() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Agent a = createAccount(pdsA, "a" + tag);
        Agent b = createAccount(pdsB, "b" + tag);

        // From the start of the relay's log (cursor 0), so nothing written before a socket opened is missed.
        try (StreamWatch firehose = StreamWatch.open(ws(relay, "/xrpc/com.atproto.sync.subscribeRepos?cursor=0"));
             StreamWatch fromA = StreamWatch.open(ws(relay, "/subscribe?cursor=0&wantedCollections=agent.comms.*&wantedDids="
                     + enc(a.did().toString())));
             StreamWatch fromB = StreamWatch.open(ws(relay, "/subscribe?cursor=0&wantedCollections=agent.comms.*&wantedDids="
                     + enc(b.did().toString())))) {
            VerifiedFirehose verified = new VerifiedFirehose(firehose);

            Message message = new Message(List.of(b.did()), new Message.ContentUnion.Parts(parts("Hello B, a task for you.")),
                    now());
            Written sentMessage = createRecord(pdsA, a, Message.ID, message.toValue());
            Request request = new Request(b.did(), "summarise", new Request.ContentUnion.Parts(parts("Summarise the audit.")),
                    now()).withIdempotencyKey("task-" + tag);
            Written sentRequest = createRecord(pdsA, a, Request.ID, request.toValue());

            // B's side, through subscribeRepos: both of A's records, verified, addressed to B.
            MapValue gotMessage = verified.awaitRecord(a.did(), sentMessage);
            assertThat(Message.fromValue(gotMessage).recipients()).containsExactly(b.did());
            MapValue gotRequest = verified.awaitRecord(a.did(), sentRequest);
            assertThat(Request.fromValue(gotRequest).recipient()).isEqualTo(b.did());
            assertThat(Request.fromValue(gotRequest).idempotencyKey()).contains("task-" + tag);

            // ... and through Jetstream, filtered to A's agent.comms records.
            JsonNode jsMessage = awaitJetstream(fromA, a.did(), Message.ID, sentMessage);
            assertThat(jsMessage.path("commit").path("record").path("recipients").get(0).asString()).isEqualTo(b.did().toString());
            JsonNode jsRequest = awaitJetstream(fromA, a.did(), Request.ID, sentRequest);
            assertThat(jsRequest.path("commit").path("record").path("recipient").asString()).isEqualTo(b.did().toString());

            // B answers; A sees the response the same two ways.
            Response response = new Response(ref(sentRequest), a.did(), Response.STATE_COMPLETED, 1, now())
                    .withContent(new Response.ContentUnion.Output(new Response.Output().withMessage(parts("Done: no findings."))));
            Written sentResponse = createRecord(pdsB, b, Response.ID, response.toValue());
            Response gotResponse = Response.fromValue(verified.awaitRecord(b.did(), sentResponse));
            assertThat(gotResponse.recipient()).isEqualTo(a.did());
            assertThat(gotResponse.request()).isEqualTo(ref(sentRequest));
            JsonNode jsResponse = awaitJetstream(fromB, b.did(), Response.ID, sentResponse);
            assertThat(jsResponse.path("commit").path("record").path("recipient").asString()).isEqualTo(a.did().toString());

            assertThat(fromA.text()).as("wantedDids=A lets only A's events through")
                    .allSatisfy(m -> assertThat(JSON.readTree(m).path("did").asString()).isEqualTo(a.did().toString()));
            assertThat(verified.verifiedCommits()).as("every commit on the relay's firehose verified").isGreaterThanOrEqualTo(3);
        }
    }

    private static StrongRef ref(Written w) {
        return new StrongRef(w.uri(), w.cid());
    }

    private static Defs.Parts parts(String text) {
        return new Defs.Parts(List.of(new Defs.Parts.PartsUnion.TextPart(new Defs.TextPart(text))));
    }

    private static Datetime now() {
        return Datetime.parse(Instant.now().toString());
    }

    private static JsonNode awaitJetstream(StreamWatch watch, Did author, String collection, Written written) {
        return StreamWatch.await(HOP, collection + " " + written.uri() + " on Jetstream", () -> watch.text().stream()
                .map(JSON::readTree)
                .filter(m -> m.path("kind").asString().equals("commit") && m.path("did").asString().equals(author.toString()))
                .filter(m -> m.path("commit").path("collection").asString().equals(collection)
                        && m.path("commit").path("rkey").asString().equals(written.rkey()))
                .findFirst());
    }

    private static URI ws(URI http, String pathAndQuery) {
        return URI.create(http.toString().replaceFirst("^http", "ws") + pathAndQuery);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The relay's firehose with every commit verified as it is looked at, keys from the PLC directory. */
    private final class VerifiedFirehose {
        private final StreamWatch watch;
        private final Map<Did, PublicKey> keys = new ConcurrentHashMap<>();
        private final List<VerifiedCommit> commits = new ArrayList<>();
        private int checked;

        VerifiedFirehose(StreamWatch watch) {
            this.watch = watch;
        }

        int verifiedCommits() {
            verifyNew();
            return commits.size();
        }

        MapValue awaitRecord(Did author, Written written) {
            String path = written.uri().collection().orElseThrow() + "/" + written.rkey();
            return StreamWatch.await(HOP, path + " of " + author + " on subscribeRepos", () -> {
                verifyNew();
                for (VerifiedCommit c : commits) {
                    if (!c.commit().did().equals(author)) {
                        continue;
                    }
                    for (RepoOp op : c.ops()) {
                        if (op.path().equals(path) && op.action() == RepoOp.Action.CREATE) {
                            assertThat(op.cid()).isEqualTo(written.cid());
                            byte[] bytes = c.record(op).orElseThrow(() -> new AssertionError("record block missing: " + path));
                            return Optional.of((MapValue) Drisl.decode(bytes));
                        }
                    }
                }
                return Optional.empty();
            });
        }

        private void verifyNew() {
            List<byte[]> frames = watch.binary();
            for (; checked < frames.size(); checked++) {
                FirehoseFrame frame = FirehoseFrame.decode(frames.get(checked));
                if (frame instanceof CommitEvent commit) {
                    commits.add(CommitVerifier.verify(commit, key(commit.repo())));
                } else if (frame instanceof SyncEvent sync) {
                    CommitVerifier.verify(sync, key(sync.did()));
                }
            }
        }

        private PublicKey key(Did did) {
            return keys.computeIfAbsent(did, d -> {
                try {
                    HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(plc.resolve("/" + d)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(doc.statusCode()).as("DID document of " + d).isEqualTo(200);
                    return DidDocument.parse(doc.body()).atprotoKey().orElseThrow();
                } catch (Exception e) {
                    throw new AssertionError("cannot resolve " + d + " at " + plc, e);
                }
            });
        }
    }
}
