package dev.skein.relay.ingest;

import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.syntax.Did;
import dev.skein.relay.testing.SimAccount;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.function.LongFunction;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one scenario file: the accounts' identities, then steps, each a frame some host sends (with the results
 * the relay must produce for it, in order), a change of what the PLC directory or a PDS's {@code getRepo} serves,
 * or an operator's takedown.
 */
final class ScenarioBuilder {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The relay's clock in every scenario: a month after the simulated accounts' revs begin. */
    static final String NOW = "2026-06-01T00:00:00Z";

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode accounts;
    private final ArrayNode steps;
    private final java.util.Map<String, Long> seqs = new java.util.HashMap<>();

    ScenarioBuilder(String name, String description) {
        root.put("name", name);
        root.put("description", description);
        root.put("now", NOW);
        accounts = root.putArray("accounts");
        steps = root.putArray("steps");
    }

    ScenarioBuilder hostAccountLimit(int limit) {
        root.put("hostAccountLimit", limit);
        return this;
    }

    /** Registers an account's current DID document with the PLC directory. */
    void account(SimAccount a) {
        accounts.add(identityNode(a.did(), a.handle(), a.key() == null ? null : a.key().publicKey().multibase(), a.pds()));
    }

    /** Adds an account whose DID document the directory serves as given. */
    void account(Did did, String handle, String multibase, String pds) {
        accounts.add(identityNode(did, handle, multibase, pds));
    }

    /** Sends a frame built with the host's next upstream sequence number. */
    void send(String host, String note, LongFunction<FirehoseFrame> frame, ObjectNode... expect) {
        long seq = seqs.merge(host, 1L, Long::sum);
        sendBytes(host, note, frame.apply(seq).encode(), expect);
    }

    /** Sends a frame with a chosen sequence number. */
    void sendAt(String host, long seq, String note, LongFunction<FirehoseFrame> frame, ObjectNode... expect) {
        sendBytes(host, note, frame.apply(seq).encode(), expect);
    }

    long lastSeq(String host) {
        return seqs.getOrDefault(host, 0L);
    }

    void sendBytes(String host, String note, byte[] bytes, ObjectNode... expect) {
        ObjectNode step = steps.addObject();
        step.put("note", note);
        ObjectNode f = step.putObject("frame");
        f.put("host", host);
        f.put("bytes", Base64.getEncoder().encodeToString(bytes));
        expectations(step, expect);
    }

    /** The directory now serves the account's current document. */
    void identity(SimAccount a, String note) {
        identity(a.did(), a.handle(), a.key() == null ? null : a.key().publicKey().multibase(), a.pds(), note);
    }

    void identity(Did did, String handle, String multibase, String pds, String note) {
        ObjectNode step = steps.addObject();
        step.put("note", note);
        step.set("identity", identityNode(did, handle, multibase, pds));
    }

    /** The directory no longer resolves the DID. */
    void tombstone(Did did, String note) {
        ObjectNode step = steps.addObject();
        step.put("note", note);
        step.putObject("tombstone").put("did", did.value());
    }

    /** The account's PDS now serves its current repository from {@code getRepo}. */
    void repo(SimAccount a, String note) {
        ObjectNode step = steps.addObject();
        step.put("note", note);
        ObjectNode r = step.putObject("repo");
        r.put("did", a.did().value());
        r.put("car", Base64.getEncoder().encodeToString(a.exportCar()));
    }

    /** The relay's operator takes the account down, or lifts it. */
    void takedown(Did did, boolean takenDown, String note, ObjectNode... expect) {
        ObjectNode step = steps.addObject();
        step.put("note", note);
        ObjectNode t = step.putObject("takedown");
        t.put("did", did.value());
        t.put("takenDown", takenDown);
        expectations(step, expect);
    }

    /** The relay's final record of an account. */
    void finalState(SimAccount a, String status, String sync) {
        ObjectNode f = (root.has("final") ? (ArrayNode) root.get("final") : root.putArray("final")).addObject();
        f.put("did", a.did().value());
        if (a.repo() != null) {
            f.put("rev", a.repo().rev().value());
            f.put("data", a.repo().commit().data().toString());
        }
        f.put("status", status);
        f.put("sync", sync);
    }

    /** The relay's final record of an account whose last verified commit is {@code rev}/{@code data}. */
    void finalState(Did did, String rev, String data, String status, String sync) {
        ObjectNode f = (root.has("final") ? (ArrayNode) root.get("final") : root.putArray("final")).addObject();
        f.put("did", did.value());
        f.put("rev", rev);
        f.put("data", data);
        f.put("status", status);
        f.put("sync", sync);
    }

    ObjectNode build() {
        return root;
    }

    static ObjectNode passed(String type) {
        ObjectNode e = JSON.createObjectNode();
        e.put("result", "passed");
        e.put("type", type);
        return e;
    }

    static ObjectNode passedAccount(boolean active, String status) {
        ObjectNode e = passed("#account");
        e.put("active", active);
        if (status == null) {
            e.putNull("status");
        } else {
            e.put("status", status);
        }
        return e;
    }

    static ObjectNode passedIdentity(String handle) {
        ObjectNode e = passed("#identity");
        if (handle == null) {
            e.putNull("handle");
        } else {
            e.put("handle", handle);
        }
        return e;
    }

    static ObjectNode passedSync(String rev) {
        ObjectNode e = passed("#sync");
        e.put("rev", rev);
        return e;
    }

    static ObjectNode dropped(DropReason reason) {
        ObjectNode e = JSON.createObjectNode();
        e.put("result", "dropped");
        e.put("reason", reason.metricTag());
        return e;
    }

    static ObjectNode deferred() {
        ObjectNode e = JSON.createObjectNode();
        e.put("result", "deferred");
        return e;
    }

    /** A well-formed frame of a message type no lexicon defines. */
    static byte[] unknownFrame(String t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Drisl.encode(MapValue.builder().put("t", t).put("op", FirehoseFrame.OP_MESSAGE).build(), out);
        Drisl.encode(MapValue.builder().put("seq", 1).build(), out);
        return out.toByteArray();
    }

    private static ObjectNode identityNode(Did did, String handle, String multibase, String pds) {
        ObjectNode n = JSON.createObjectNode();
        n.put("did", did.value());
        n.put("handle", handle);
        n.put("key", multibase);
        n.put("pds", pds);
        return n;
    }

    private static void expectations(ObjectNode step, ObjectNode... expect) {
        ArrayNode arr = step.putArray("expect");
        for (ObjectNode e : expect) {
            arr.add(e);
        }
    }
}
