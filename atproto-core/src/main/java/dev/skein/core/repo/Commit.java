package dev.skein.core.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.BytesValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.DrislException;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Tid;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A repository commit, format version 3: the signed root of a repository, pointing at its MST.
 *
 * <p>The signature covers the DRISL bytes of the commit without {@code sig} ({@link #unsignedBytes()}),
 * in which {@code prev} is present even when null: leaving it out would change those bytes and break
 * every verifier. A commit's CID is over the signed bytes. A commit with {@code sig == null} is unsigned,
 * the state between building and {@linkplain #sign signing}.
 *
 * <p>Structure checks (indigo's {@code VerifyStructure}) are the constructor's and {@link #fromValue}'s:
 * version 3, a DID, a TID rev, dag-cbor links, a non-empty signature.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#commit-objects">repository: commit objects</a>.
 *
 * @param data the MST root
 * @param prev the previous commit, virtually always {@code null} in v3
 * @param sig the signature, or {@code null} while unsigned; shared, not copied
 */
public record Commit(Did did, int version, Cid data, Tid rev, Cid prev, byte[] sig) {
    public static final int VERSION = 3;
    private static final Set<String> FIELDS = Set.of("did", "version", "data", "rev", "prev", "sig");

    public Commit {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rev, "rev");
        if (version != VERSION) {
            throw new InvalidCommitException(InvalidCommitException.Reason.UNSUPPORTED_VERSION,
                    "commit version " + version + " is not " + VERSION);
        }
        checkLink("data", data);
        if (prev != null) {
            checkLink("prev", prev);
        }
        if (sig != null && sig.length == 0) {
            throw new InvalidCommitException(InvalidCommitException.Reason.EMPTY_SIGNATURE, "commit signature is empty");
        }
    }

    /** An unsigned v3 commit with {@code prev: null}. */
    public static Commit unsigned(Did did, Cid data, Tid rev) {
        return new Commit(did, VERSION, data, rev, null, null);
    }

    public boolean isSigned() {
        return sig != null;
    }

    /** This commit signed by {@code signer}. */
    public Commit sign(Signer signer) {
        byte[] signature = signer.sign(unsignedBytes());
        return new Commit(did, version, data, rev, prev, signature);
    }

    /** This commit signed with the account's signing key. */
    public Commit sign(SigningKey key) {
        return sign((Signer) key::sign);
    }

    /** Whether the signature verifies with the account's current public key (strict: compact, low S). */
    public boolean verify(PublicKey key) {
        return verify((SignatureVerifier) key::verify);
    }

    /** Throws {@link InvalidCommitException} ({@code BAD_SIGNATURE}) unless the signature verifies with {@code key}. */
    public void verifyOrThrow(PublicKey key) {
        verifyOrThrow((SignatureVerifier) key::verify);
    }

    /** Whether the signature verifies; an unsigned commit never does. */
    public boolean verify(SignatureVerifier verifier) {
        return sig != null && verifier.verify(unsignedBytes(), sig);
    }

    /** Throws {@link InvalidCommitException} ({@code BAD_SIGNATURE}) unless the signature verifies. */
    public void verifyOrThrow(SignatureVerifier verifier) {
        if (!verify(verifier)) {
            throw new InvalidCommitException(InvalidCommitException.Reason.BAD_SIGNATURE,
                    "commit " + rev + " of " + did + " is " + (sig == null ? "unsigned" : "not signed by the given key"));
        }
    }

    /** The commit without {@code sig}, {@code prev} present: what is signed. */
    public MapValue unsignedValue() {
        return fields().build();
    }

    private MapValue.Builder fields() {
        return MapValue.builder()
                .put("did", did.value())
                .put("version", version)
                .put("data", data)
                .put("rev", rev.value())
                .put("prev", prev == null ? NullValue.INSTANCE : new LinkValue(prev));
    }

    public byte[] unsignedBytes() {
        return Drisl.encode(unsignedValue());
    }

    /** The signed commit object. */
    public MapValue toValue() {
        return fields().put("sig", new BytesValue(requireSig())).build();
    }

    /** The signed commit's DRISL bytes: the block stored in CARs. */
    public byte[] bytes() {
        return Drisl.encode(toValue());
    }

    /** The CID of the signed commit block. */
    public Cid cid() {
        return Cid.ofDrisl(bytes());
    }

    private byte[] requireSig() {
        if (sig == null) {
            throw new IllegalStateException("commit " + rev + " is not signed");
        }
        return sig;
    }

    /** Parses and structure-checks a commit block. */
    public static Commit fromBytes(byte[] block) {
        DataValue value;
        try {
            value = Drisl.decode(block);
        } catch (DrislException e) {
            throw new InvalidCommitException(InvalidCommitException.Reason.MALFORMED, "commit is not valid DRISL: " + e.getMessage(), e);
        }
        return fromValue(value);
    }

    /**
     * A signed commit from its data-model value, checked strictly: exactly the six v3 fields, version
     * first (so a v2 commit is reported as such), {@code prev} present, a non-empty {@code sig}.
     */
    public static Commit fromValue(DataValue value) {
        if (!(value instanceof MapValue map)) {
            throw new InvalidCommitException(InvalidCommitException.Reason.INVALID_STRUCTURE, "commit is a " + value.kind() + ", not a map");
        }
        long version = (required(map, "version") instanceof IntValue v) ? v.value() : wrongType("version", "an integer");
        if (version != VERSION) {
            throw new InvalidCommitException(InvalidCommitException.Reason.UNSUPPORTED_VERSION,
                    "commit version " + version + " is not " + VERSION);
        }
        for (String key : map.keys()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidCommitException(InvalidCommitException.Reason.INVALID_STRUCTURE, "commit has an unknown field \"" + key + "\"");
            }
        }
        String didText = required(map, "did") instanceof StringValue s ? s.value() : wrongType("did", "a string");
        Cid data = required(map, "data") instanceof LinkValue l ? l.cid() : wrongType("data", "a cid-link");
        String revText = required(map, "rev") instanceof StringValue s ? s.value() : wrongType("rev", "a string");
        DataValue prevValue = required(map, "prev");
        Cid prev = prevValue instanceof LinkValue l ? l.cid() : prevValue instanceof NullValue ? null : wrongType("prev", "a cid-link or null");
        byte[] sig = required(map, "sig") instanceof BytesValue b ? b.value() : wrongType("sig", "bytes");
        Did did;
        try {
            did = Did.parse(didText);
        } catch (InvalidSyntaxException e) {
            throw new InvalidCommitException(InvalidCommitException.Reason.INVALID_DID, e.getMessage(), e);
        }
        Tid rev;
        try {
            rev = Tid.parse(revText);
        } catch (InvalidSyntaxException e) {
            throw new InvalidCommitException(InvalidCommitException.Reason.INVALID_REV, e.getMessage(), e);
        }
        return new Commit(did, VERSION, data, rev, prev, sig);
    }

    private static DataValue required(MapValue map, String key) {
        DataValue v = map.get(key);
        if (v == null) {
            throw new InvalidCommitException(InvalidCommitException.Reason.MISSING_FIELD, "commit has no " + key);
        }
        return v;
    }

    private static <T> T wrongType(String key, String expected) {
        throw new InvalidCommitException(InvalidCommitException.Reason.WRONG_TYPE, "commit " + key + " is not " + expected);
    }

    private static void checkLink(String field, Cid cid) {
        if (!cid.isBlessed() || cid.codec() != Cid.CODEC_DRISL) {
            throw new InvalidCommitException(InvalidCommitException.Reason.INVALID_LINK,
                    "commit " + field + " " + cid + " is not a dag-cbor sha2-256 CID");
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Commit c && did.equals(c.did) && version == c.version && data.equals(c.data)
                && rev.equals(c.rev) && Objects.equals(prev, c.prev) && Arrays.equals(sig, c.sig));
    }

    @Override
    public int hashCode() {
        return Objects.hash(did, version, data, rev, prev, Arrays.hashCode(sig));
    }

    @Override
    public String toString() {
        return "Commit[did=" + did + ", rev=" + rev + ", data=" + data + ", prev=" + prev
                + (sig == null ? ", unsigned]" : ", sig=" + sig.length + " bytes]");
    }
}
