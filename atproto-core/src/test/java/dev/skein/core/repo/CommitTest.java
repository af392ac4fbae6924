package dev.skein.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Tid;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommitTest {
    private static final Did DID = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Tid REV = Tid.parse("3l4iapbyr7c2k");
    private static final Cid DATA = Cid.parse("bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm");

    /**
     * ECDSA P-256 from the JDK, signatures normalised to low S as atproto requires: a signer independent of
     * our own crypto package.
     */
    record JdkKey(KeyPair pair) implements Signer, SignatureVerifier {
        private static final BigInteger N =
                new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

        static JdkKey generate() {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                return new JdkKey(g.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] sign(byte[] data) {
            try {
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
                s.initSign(pair.getPrivate());
                s.update(data);
                byte[] sig = s.sign();
                BigInteger sValue = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
                if (sValue.compareTo(N.shiftRight(1)) > 0) {
                    byte[] low = N.subtract(sValue).toByteArray();
                    Arrays.fill(sig, 32, 64, (byte) 0);
                    int len = Math.min(low.length, 32);
                    System.arraycopy(low, low.length - len, sig, 64 - len, len);
                }
                return sig;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean verify(byte[] data, byte[] sig) {
            try {
                Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
                s.initVerify(pair.getPublic());
                s.update(data);
                return s.verify(sig);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    private static final JdkKey KEY = JdkKey.generate();

    private static Commit signed() {
        return Commit.unsigned(DID, DATA, REV).sign(KEY);
    }

    private static InvalidCommitException.Reason reasonOf(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(InvalidCommitException.class);
        return ((InvalidCommitException) t).reason();
    }

    @Test
    void unsignedBytesHaveFiveFieldsWithAnExplicitNullPrev() {
        Commit c = Commit.unsigned(DID, DATA, REV);
        MapValue unsigned = (MapValue) Drisl.decode(c.unsignedBytes());
        assertThat(unsigned.keys()).containsExactly("did", "rev", "data", "prev", "version");
        assertThat(unsigned.get("prev")).isEqualTo(NullValue.INSTANCE);
        assertThat(unsigned.get("version")).isEqualTo(DataValue.of(3));
        assertThat(c.isSigned()).isFalse();
        assertThat(catchThrowable(c::bytes)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signsVerifiesAndRoundTrips() {
        Commit c = signed();
        assertThat(c.sig()).hasSize(64);
        assertThat(new BigInteger(1, Arrays.copyOfRange(c.sig(), 32, 64))).as("low S").isLessThanOrEqualTo(JdkKey.N.shiftRight(1));
        assertThat(c.verify(KEY)).isTrue();
        c.verifyOrThrow(KEY);
        assertThat(c.toValue().keys()).containsExactly("did", "rev", "sig", "data", "prev", "version");
        byte[] bytes = c.bytes();
        assertThat(c.cid()).isEqualTo(Cid.ofDrisl(bytes));
        Commit back = Commit.fromBytes(bytes);
        assertThat(back).isEqualTo(c);
        assertThat(back.verify(KEY)).isTrue();
        assertThat(back.bytes()).isEqualTo(bytes);
    }

    @Test
    void signatureCoversEveryField() {
        Commit c = signed();
        JdkKey other = JdkKey.generate();
        assertThat(c.verify(other)).isFalse();
        assertThat(reasonOf(() -> c.verifyOrThrow(other))).isEqualTo(InvalidCommitException.Reason.BAD_SIGNATURE);
        Cid otherData = Cid.ofDrisl(Drisl.encode(DataValue.of("other")));
        assertThat(new Commit(DID, 3, otherData, REV, null, c.sig()).verify(KEY)).isFalse();
        assertThat(new Commit(DID, 3, DATA, Tid.parse("3l4iapbyr7c2l"), null, c.sig()).verify(KEY)).isFalse();
        assertThat(new Commit(Did.parse("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"), 3, DATA, REV, null, c.sig()).verify(KEY)).isFalse();
        assertThat(new Commit(DID, 3, DATA, REV, otherData, c.sig()).verify(KEY)).isFalse();
        assertThat(Commit.unsigned(DID, DATA, REV).verify(KEY)).isFalse();
        assertThat(reasonOf(() -> Commit.unsigned(DID, DATA, REV).verifyOrThrow(KEY))).isEqualTo(InvalidCommitException.Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void signsWithAccountKeysOnBothCurves(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        Commit c = Commit.unsigned(DID, DATA, REV).sign(key);
        assertThat(c.sig()).hasSize(64);
        assertThat(c.verify(key.publicKey())).isTrue();
        c.verifyOrThrow(key.publicKey());
        assertThat(Commit.unsigned(DID, DATA, REV).sign(key).bytes()).as("deterministic signatures").isEqualTo(c.bytes());
        assertThat(c.verify(SigningKey.generate(curve).publicKey())).isFalse();
        assertThat(reasonOf(() -> c.verifyOrThrow(SigningKey.generate(curve).publicKey())))
                .isEqualTo(InvalidCommitException.Reason.BAD_SIGNATURE);
        assertThat(Commit.fromBytes(c.bytes()).verify(key.publicKey())).isTrue();
    }

    @Test
    void keepsANonNullPrev() {
        Cid prev = Cid.ofDrisl(Drisl.encode(DataValue.of("prev")));
        Commit c = new Commit(DID, 3, DATA, REV, prev, null).sign(KEY);
        assertThat(Commit.fromBytes(c.bytes()).prev()).isEqualTo(prev);
        assertThat(c.verify(KEY)).isTrue();
    }

    static Stream<String> fields() {
        return Stream.of("did", "version", "data", "rev", "prev", "sig");
    }

    private static Map<String, DataValue> fieldsOf(Commit c) {
        return c.toValue().toMap();
    }

    @ParameterizedTest
    @MethodSource("fields")
    void everyFieldIsRequired(String field) {
        Map<String, DataValue> m = fieldsOf(signed());
        m.remove(field);
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(m)))).isEqualTo(InvalidCommitException.Reason.MISSING_FIELD);
    }

    @ParameterizedTest
    @MethodSource("fields")
    void everyFieldHasItsType(String field) {
        Map<String, DataValue> m = fieldsOf(signed());
        m.put(field, DataValue.of(true));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(m)))).isEqualTo(InvalidCommitException.Reason.WRONG_TYPE);
    }

    @Test
    void rejectsWhatVerifyStructureRejects() {
        Map<String, DataValue> v2 = fieldsOf(signed());
        v2.put("version", DataValue.of(2));
        v2.remove("prev");
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(v2)))).isEqualTo(InvalidCommitException.Reason.UNSUPPORTED_VERSION);

        Map<String, DataValue> emptySig = fieldsOf(signed());
        emptySig.put("sig", DataValue.of(new byte[0]));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(emptySig)))).isEqualTo(InvalidCommitException.Reason.EMPTY_SIGNATURE);

        Map<String, DataValue> badDid = fieldsOf(signed());
        badDid.put("did", DataValue.of("plc:ewvi7nxzyoun6zhxrhs64oiz"));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(badDid)))).isEqualTo(InvalidCommitException.Reason.INVALID_DID);

        Map<String, DataValue> badRev = fieldsOf(signed());
        badRev.put("rev", DataValue.of("3l4i-apbyr-7c2k"));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(badRev)))).isEqualTo(InvalidCommitException.Reason.INVALID_REV);

        Map<String, DataValue> rawData = fieldsOf(signed());
        rawData.put("data", DataValue.of(Cid.ofRaw(new byte[] {1})));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(rawData)))).isEqualTo(InvalidCommitException.Reason.INVALID_LINK);

        Map<String, DataValue> extra = fieldsOf(signed());
        extra.put("note", DataValue.of("x"));
        assertThat(reasonOf(() -> Commit.fromValue(MapValue.of(extra)))).isEqualTo(InvalidCommitException.Reason.INVALID_STRUCTURE);

        assertThat(reasonOf(() -> Commit.fromValue(DataValue.of("commit")))).isEqualTo(InvalidCommitException.Reason.INVALID_STRUCTURE);
        assertThat(reasonOf(() -> Commit.fromBytes(new byte[] {(byte) 0xbf, (byte) 0xff})))
                .isEqualTo(InvalidCommitException.Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4})
    void constructorAllowsOnlyVersionThree(int version) {
        assertThat(reasonOf(() -> new Commit(DID, version, DATA, REV, null, null)))
                .isEqualTo(InvalidCommitException.Reason.UNSUPPORTED_VERSION);
    }
}
