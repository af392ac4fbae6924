package dev.skein.plc;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.identity.PlcTombstone;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A did:plc identity for tests: a K-256 recovery key (rotation key 0, the higher priority), a P-256 key
 * the PDS would hold (rotation key 1, which signs the genesis), an atproto signing key, and the signed
 * genesis operation.
 */
public final class TestIdentity {
    public static final URI PDS = URI.create("https://pds.skein.test");

    public final SigningKey recovery = SigningKey.generate(Curve.K256);
    public final SigningKey rotation = SigningKey.generate(Curve.P256);
    public final SigningKey signing = SigningKey.generate(Curve.K256);
    public final PlcOperation genesis;
    public final Did did;

    public TestIdentity(String handle) {
        genesis = PlcOperation.atprotoGenesis(List.of(recovery.publicKey(), rotation.publicKey()), signing.publicKey(),
                Handle.parse(handle), PDS).sign(rotation);
        did = genesis.genesisDid();
    }

    /** An operation after {@code prev} that changes the handle, signed by {@code key}. */
    public PlcOperation rename(PlcOp prev, String handle, SigningKey key) {
        return unsignedRename(prev, handle).sign(key);
    }

    public PlcOperation unsignedRename(PlcOp prev, String handle) {
        return new PlcOperation(genesis.rotationKeys(), genesis.verificationMethods(), List.of("at://" + handle),
                genesis.services(), Optional.of(prev.cid()), Optional.empty());
    }

    /** A tombstone after {@code prev}, signed by {@code key}. */
    public PlcTombstone tombstone(PlcOp prev, SigningKey key) {
        return PlcTombstone.following(prev.cid()).sign(key);
    }
}
