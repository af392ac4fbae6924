package dev.skein.relay.testing;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.MapValue;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.DidService;
import dev.skein.core.identity.VerificationMethod;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated account on a simulated PDS: a DID, a signing key (which can be rotated), a handle, the PDS URL its
 * DID document names, and a real repository that makes real signed commits. Everything is derived from the name,
 * so the same calls give byte-identical commits.
 */
public final class SimAccount {
    /** Revs start here (2026-05-01T00:00:00Z) and step by a millisecond per commit. */
    public static final long BASE_MICROS = 1_777_593_600_000_000L;

    private final String name;
    private final Did did;
    private final String handle;
    private SigningKey key;
    private String pds;
    private final MemoryBlockStore store = new MemoryBlockStore();
    private Repository repo;
    private long revCounter;
    private int recordCounter;
    private final int clockId;

    public SimAccount(String name, String pdsUrl, Curve curve) {
        this.name = name;
        this.did = new Did("did:plc:" + base32Id(name));
        this.handle = name + ".test";
        this.key = keyFor(name + "#1", curve);
        this.pds = pdsUrl;
        this.clockId = Math.floorMod(name.hashCode(), 1024);
    }

    public static SigningKey keyFor(String seed, Curve curve) {
        return SigningKey.fromPrivateBytes(curve, sha256(seed));
    }

    public Did did() {
        return did;
    }

    public String name() {
        return name;
    }

    public String handle() {
        return handle;
    }

    public SigningKey key() {
        return key;
    }

    public String pds() {
        return pds;
    }

    public Repository repo() {
        return repo;
    }

    public void rotateKey(SigningKey next) {
        this.key = next;
    }

    public void movePds(String url) {
        this.pds = url;
    }

    /** The DID document the PLC directory serves for this account now. */
    public DidDocument document() {
        return document(did, handle, key == null ? null : key.publicKey().multibase(), pds);
    }

    public static DidDocument document(Did did, String handle, String multibase, String pds) {
        List<VerificationMethod> methods = multibase == null ? List.of()
                : List.of(VerificationMethod.multikey(did, VerificationMethod.ATPROTO_FRAGMENT, multibase));
        List<DidService> services = pds == null ? List.of()
                : List.of(new DidService("#" + DidService.ATPROTO_PDS_FRAGMENT, DidService.PDS_TYPE, pds));
        return new DidDocument(did, List.of(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT),
                handle == null ? List.of() : List.of("at://" + handle), methods, services);
    }

    /** The next rev of this account. */
    public Tid nextRev() {
        return Tid.of(BASE_MICROS + 1000 * ++revCounter, clockId);
    }

    /** The repository's first commit: an empty repository, or one holding {@code writes}. */
    public RepoCommit create(List<RepoWrite> writes) {
        RepoCommit c = Repository.create(store, did, nextRev(), writes, key);
        repo = c.repository();
        return c;
    }

    /** The next commit, signed with the current key; the repository moves on. */
    public RepoCommit commit(List<RepoWrite> writes) {
        RepoCommit c = repo.apply(writes, nextRev(), key);
        repo = c.repository();
        return c;
    }

    /** A commit made from the current state but thrown away (the repository does not move on). */
    public RepoCommit fork(List<RepoWrite> writes, SigningKey signer) {
        return repo.apply(writes, nextRev(), signer);
    }

    /** A commit with a given rev, thrown away. */
    public RepoCommit forkAt(List<RepoWrite> writes, Tid rev) {
        return repo.apply(writes, rev, key);
    }

    /** {@code n} new records of {@code collection}. */
    public List<RepoWrite> posts(String collection, int n) {
        List<RepoWrite> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            writes.add(new RepoWrite.Create(new Nsid(collection), nextRecordKey(), record(collection, "post " + recordCounter)));
        }
        return writes;
    }

    public RecordKey nextRecordKey() {
        return RecordKey.of(Tid.of(BASE_MICROS + ++recordCounter, clockId));
    }

    public static MapValue record(String collection, String text) {
        return MapValue.builder().put("$type", collection).put("text", text)
                .put("createdAt", "2026-05-01T00:00:00.000Z").build();
    }

    /** The whole repository as a CAR ({@code getRepo}). */
    public byte[] exportCar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            repo.exportCar(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String base32Id(String name) {
        byte[] h = sha256("did:" + name);
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt((h[i] & 0xff) % 32));
        }
        return sb.toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
