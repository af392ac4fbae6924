package dev.skein.pds.lexicon;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.xrpc.com.atproto.identity.ResolveHandle;
import dev.skein.pds.xrpc.com.atproto.repo.DeleteRecord;
import dev.skein.pds.xrpc.com.atproto.repo.ListRecords;
import dev.skein.pds.xrpc.com.atproto.repo.PutRecord;
import dev.skein.pds.xrpc.com.atproto.server.CreateAccount;
import dev.skein.pds.xrpc.com.atproto.server.CreateSession;
import dev.skein.pds.xrpc.com.atproto.server.DeleteSession;
import dev.skein.xrpc.client.XrpcClient;
import dev.skein.xrpc.client.XrpcError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the platform's Lexicons as {@code com.atproto.lexicon.schema} records (record key: the NSID) in
 * the repository of the lexicon-authority account, through the PDS's XRPC API: it creates the account on first
 * start (with the administrator's credentials, so invite rules do not apply), signs in, lists what is
 * published, and then writes only the difference. An unchanged schema is not written again (its CID is
 * compared with the stored one), a changed one is replaced with {@code putRecord} (swapping the CID it read,
 * so the firehose carries an update), and a record for a schema no longer in the catalog is deleted.
 *
 * <p>When a pass fails (the PLC directory not up yet, say), it is tried again after the configured delay
 * until one succeeds; the failure is logged, the PDS keeps serving.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#lexicon-publication-and-resolution">Lexicon publication
 * and resolution</a>.
 */
public final class LexiconPublisher implements AutoCloseable {
    /** The collection of published schemas. */
    public static final Nsid SCHEMA_COLLECTION = ComAtproto.Lexicon.SCHEMA;
    private static final Logger log = LoggerFactory.getLogger(LexiconPublisher.class);
    private static final int PAGE = 100;

    /** What one pass did: the authority's identity and the NSIDs written, by kind of change. */
    public record Outcome(Did authority, String handle, List<String> created, List<String> updated,
                          List<String> deleted, int unchanged) {
        /** Whether the pass wrote anything. */
        public boolean changed() {
            return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
        }
    }

    private final String handle;
    private final AuthorityPassword password;
    private final String adminPassword;
    private final SchemaRecords records;
    private final Duration retry;
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skein-lexicon-publisher");
        t.setDaemon(true);
        return t;
    });

    LexiconPublisher(String handle, AuthorityPassword password, String adminPassword, SchemaRecords records,
                     Duration retry) {
        this.handle = handle;
        this.password = password;
        this.adminPassword = adminPassword;
        this.records = records;
        this.retry = retry;
    }

    /** The outcome of the last successful pass, empty until one has succeeded. */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(last.get());
    }

    /** The authority account's DID, known once a pass has succeeded: what {@code _lexicon} TXT records name. */
    public Optional<Did> authority() {
        return lastOutcome().map(Outcome::authority);
    }

    /** The handle of the authority account. */
    public String handle() {
        return handle;
    }

    /** The NSIDs this PDS publishes. */
    public List<String> nsids() {
        return List.copyOf(records.byNsid().keySet());
    }

    /**
     * The DNS TXT records an operator publishes so that resolvers find the authority without configuration:
     * {@code _lexicon.<authority domain>} = {@code did=<DID>}, one per NSID group (the NSID without its name,
     * reversed: {@code agent.comms.message} is under {@code comms.agent}).
     */
    public Map<String, String> dnsRecords() {
        Map<String, String> txt = new LinkedHashMap<>();
        authority().ifPresent(did -> records.byNsid().keySet().stream()
                .map(n -> "_lexicon." + Nsid.parse(n).authority())
                .sorted().forEach(name -> txt.put(name, "did=" + did.value())));
        return txt;
    }

    /** Publishes now on the calling thread; when that fails, again in the background until a pass succeeds. */
    void start(URI pds) {
        attempt(pds);
    }

    private void attempt(URI pds) {
        try {
            Outcome o = publish(new XrpcClient(pds));
            log.info("Lexicon authority {} ({}): {} schemas published, {} created, {} updated, {} deleted",
                    o.handle(), o.authority().value(), records.byNsid().size(), o.created().size(),
                    o.updated().size(), o.deleted().size());
        } catch (RuntimeException e) {
            log.warn("Publishing the Lexicons failed, trying again in {}: {}", retry, e.getMessage());
            if (!retries.isShutdown()) {
                retries.schedule(() -> attempt(pds), retry.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One pass: sign in (creating the account when it does not exist), then write the difference. */
    Outcome publish(XrpcClient pds) {
        Session session = signIn(pds);
        try {
            Map<String, Cid> published = listPublished(pds, session);
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            int unchanged = 0;
            for (Map.Entry<String, MapValue> e : records.byNsid().entrySet()) {
                Cid stored = published.get(e.getKey());
                if (stored == null) {
                    put(pds, session, e.getKey(), e.getValue(), Optional.empty());
                    created.add(e.getKey());
                } else if (!stored.equals(SchemaRecords.cidOf(e.getValue()))) {
                    put(pds, session, e.getKey(), e.getValue(), Optional.of(stored));
                    updated.add(e.getKey());
                } else {
                    unchanged++;
                }
            }
            List<String> deleted = new ArrayList<>();
            for (Map.Entry<String, Cid> e : published.entrySet()) {
                if (!records.byNsid().containsKey(e.getKey())) {
                    pds.procedure(DeleteRecord.NSID, MapValue.builder().put("repo", session.did.value())
                            .put("collection", SCHEMA_COLLECTION.toString()).put("rkey", e.getKey())
                            .put("swapRecord", e.getValue().toString()).build(), session.bearer());
                    deleted.add(e.getKey());
                }
            }
            Outcome o = new Outcome(session.did, handle, created, updated, deleted, unchanged);
            last.set(o);
            return o;
        } finally {
            signOut(pds, session);
        }
    }

    private record Session(Did did, String accessJwt, String refreshJwt) {
        Optional<String> bearer() {
            return Optional.of("Bearer " + accessJwt);
        }
    }

    private Session signIn(XrpcClient pds) {
        if (!exists(pds)) {
            String admin = "Basic " + Base64.getEncoder()
                    .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
            MapValue created = pds.procedure(CreateAccount.NSID, MapValue.builder().put("handle", handle)
                    .put("password", password.value()).build(), Optional.of(admin));
            log.info("Created the lexicon-authority account {}", handle);
            return session(created);
        }
        try {
            return session(pds.procedure(CreateSession.NSID, MapValue.builder().put("identifier", handle)
                    .put("password", password.value()).build(), Optional.empty()));
        } catch (XrpcError e) {
            if (e.status() == 401) {
                throw new IllegalStateException("the account " + handle + " exists but refuses the password from "
                        + password.source() + ": restore that password, or set another handle in "
                        + "skein.pds.lexicon-authority.handle", e);
            }
            throw e;
        }
    }

    private boolean exists(XrpcClient pds) {
        try {
            pds.query(ResolveHandle.NSID, Map.of("handle", handle), Optional.empty());
            return true;
        } catch (XrpcError e) {
            if (e.status() == 400) {
                return false;
            }
            throw e;
        }
    }

    private static Session session(MapValue answer) {
        return new Session(Did.parse(answer.getString("did").orElseThrow()),
                answer.getString("accessJwt").orElseThrow(), answer.getString("refreshJwt").orElseThrow());
    }

    private static void signOut(XrpcClient pds, Session session) {
        try {
            pds.procedure(DeleteSession.NSID, MapValue.EMPTY, Optional.of("Bearer " + session.refreshJwt()));
        } catch (RuntimeException e) {
            log.debug("Could not end the lexicon-authority session: {}", e.getMessage());
        }
    }

    private static Map<String, Cid> listPublished(XrpcClient pds, Session session) {
        Map<String, Cid> published = new HashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            Map<String, String> params = new HashMap<>(Map.of("repo", session.did.value(),
                    "collection", SCHEMA_COLLECTION.toString(), "limit", Integer.toString(PAGE)));
            cursor.ifPresent(c -> params.put("cursor", c));
            MapValue page = pds.query(ListRecords.NSID, params, session.bearer());
            int count = 0;
            if (page.get("records") instanceof ArrayValue list) {
                for (var item : list.items()) {
                    MapValue r = (MapValue) item;
                    String uri = r.getString("uri").orElseThrow();
                    published.put(uri.substring(uri.lastIndexOf('/') + 1), Cid.parse(r.getString("cid").orElseThrow()));
                    count++;
                }
            }
            cursor = count == 0 ? Optional.empty() : page.getString("cursor");
        } while (cursor.isPresent());
        return published;
    }

    private static void put(XrpcClient pds, Session session, String nsid, MapValue record, Optional<Cid> swap) {
        MapValue.Builder body = MapValue.builder().put("repo", session.did.value())
                .put("collection", SCHEMA_COLLECTION.toString()).put("rkey", nsid).put("record", record);
        swap.ifPresent(cid -> body.put("swapRecord", new StringValue(cid.toString())));
        pds.procedure(PutRecord.NSID, body.build(), session.bearer());
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
