package dev.skein.pds.account;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.crypto.DidKey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.PdsEndpoint;
import dev.skein.pds.auth.SessionTokens;
import dev.skein.pds.identity.HandleRules;
import dev.skein.pds.identity.PlcClient;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.secrets.PasswordHasher;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;

/**
 * Creates accounts ({@code com.atproto.server.createAccount}).
 *
 * <p>A public sign-up gets a new did:plc: a K-256 signing key is generated, a genesis operation with
 * rotation keys {@code [recoveryKey?, PDS rotation key]}, the signing key as {@code atproto} verification
 * method, {@code at://<handle>} and this PDS as {@code atproto_pds} is signed with the PDS's rotation key and
 * sent to the PLC directory; then the account row, its empty signed repository and the events
 * {@code #identity}, {@code #account}, {@code #commit}, {@code #sync} are stored in one transaction. The
 * handle must be under a service domain; email and password are required. As in the reference PDS, the
 * directory hears of the DID before the transaction: should the transaction fail (a handle taken at the same
 * moment), the DID stays registered there, unused.
 *
 * <p>The administrator may also create an account for a did:web it controls (request {@code did}, with
 * {@code Basic} admin credentials): the PDS generates its signing key, and the administrator publishes the
 * DID document {@code getRecommendedDidCredentials} describes. Without admin credentials, bringing a DID
 * is refused: the reference PDS's alternative, a service JWT from the DID plus a deactivated start
 * (account migration), is not supported, nor is a client-supplied {@code plcOp}.
 */
public final class AccountCreation {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_EMAIL_LENGTH = 254;

    /** What createAccount asks for. */
    public record Request(String handle, Optional<String> email, Optional<String> password, Optional<String> inviteCode,
                          Optional<String> did, Optional<String> recoveryKey, boolean hasPlcOp, boolean admin) {}

    /** A created account and its first session. */
    public record Created(Did did, Handle handle, SessionTokens.Session session) {}

    private final HandleRules handles;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SigningKeys keys;
    private final PlcClient plc;
    private final SigningKey plcRotationKey;
    private final PdsEndpoint endpoint;
    private final RepoStore repos;
    private final AccountEvents events;
    private final SessionTokens sessions;
    private final Transactions tx;
    private final Clock clock;
    private final TidClock revs;
    private final boolean inviteRequired;

    public AccountCreation(HandleRules handles, AccountStore accounts, PasswordHasher hasher, SigningKeys keys, PlcClient plc,
                           SigningKey plcRotationKey, PdsEndpoint endpoint, RepoStore repos, AccountEvents events,
                           SessionTokens sessions, Transactions tx, Clock clock, TidClock revs, boolean inviteRequired) {
        this.handles = handles;
        this.accounts = accounts;
        this.hasher = hasher;
        this.keys = keys;
        this.plc = plc;
        this.plcRotationKey = plcRotationKey;
        this.endpoint = endpoint;
        this.repos = repos;
        this.events = events;
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
        this.revs = revs;
        this.inviteRequired = inviteRequired;
    }

    public Created create(Request r) {
        if (inviteRequired && !r.admin()) {
            throw XrpcException.badRequest("InvalidInviteCode", "This PDS needs an invite code, and invite codes are not available: ask its administrator");
        }
        if (r.hasPlcOp()) {
            throw XrpcException.invalidRequest("Client-made PLC operations (plcOp) are not supported");
        }
        Handle handle = handles.checkNew(handles.parse(r.handle()), r.admin());
        Optional<String> email = r.email().map(e -> e.strip().toLowerCase(Locale.ROOT));
        if (email.isEmpty() && !r.admin()) {
            throw XrpcException.invalidRequest("Email is required");
        }
        if (email.isPresent() && (email.get().length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email.get()).matches())) {
            throw XrpcException.invalidRequest("This email address is not valid: " + email.get());
        }
        String password = r.password().orElseThrow(() -> XrpcException.badRequest("InvalidPassword", "Password is required"));
        if (password.isEmpty() || password.length() > PasswordHasher.MAX_PASSWORD_LENGTH) {
            throw XrpcException.badRequest("InvalidPassword", "Password must be 1 to " + PasswordHasher.MAX_PASSWORD_LENGTH + " characters");
        }
        checkAvailable(handle, email);
        SigningKey key = keys.generate();
        Did did = r.did().isPresent() ? broughtDid(r) : registerPlc(handle, key, r.recoveryKey());
        String passwordHash = hasher.hash(password);
        RepoCommit first = Repository.create(new MemoryBlockStore(), did, revs.next(), List.of(), key);
        byte[] sealed = keys.seal(did, key);
        try {
            return tx.write(() -> {
                accounts.insert(did, handle, email, Optional.of(passwordHash), AccountStatus.ACTIVE, sealed, clock.instant());
                repos.saveCommit(first, clock.instant());
                events.created(did, handle, first);
                return new Created(did, handle, sessions.create(did, Optional.empty()));
            });
        } catch (DuplicateKeyException e) {
            checkAvailable(handle, email);
            throw XrpcException.invalidRequest("An account with this DID already exists: " + did);
        }
    }

    private void checkAvailable(Handle handle, Optional<String> email) {
        if (accounts.findByHandle(handle).isPresent()) {
            throw XrpcException.badRequest("HandleNotAvailable", "Handle already taken: " + handle);
        }
        if (email.isPresent() && accounts.findByEmail(email.get()).isPresent()) {
            throw XrpcException.invalidRequest("Email already taken: " + email.get());
        }
    }

    private Did broughtDid(Request r) {
        if (!r.admin()) {
            throw XrpcException.unauthorized("AuthenticationRequired",
                    "Creating an account for an existing DID needs the administrator's credentials", "Basic");
        }
        Did did;
        try {
            did = Did.parse(r.did().get());
        } catch (IllegalArgumentException e) {
            throw XrpcException.invalidRequest("did is not a DID: " + r.did().get());
        }
        if (!did.method().equals("web")) {
            throw XrpcException.invalidRequest("Only did:web accounts can be created for an existing DID; did:plc accounts are made here");
        }
        if (accounts.find(did).isPresent()) {
            throw XrpcException.invalidRequest("An account with this DID already exists: " + did);
        }
        return did;
    }

    private Did registerPlc(Handle handle, SigningKey key, Optional<String> recoveryKey) {
        List<PublicKey> rotation = new ArrayList<>();
        recoveryKey.ifPresent(k -> {
            try {
                rotation.add(DidKey.parse(k));
            } catch (IllegalArgumentException e) {
                throw XrpcException.invalidRequest("recoveryKey is not a K-256 or P-256 did:key: " + k);
            }
        });
        rotation.add(plcRotationKey.publicKey());
        if (rotation.size() == 2 && rotation.get(0).equals(rotation.get(1))) {
            throw XrpcException.invalidRequest("recoveryKey must not be the PDS's own rotation key");
        }
        PlcOperation op = PlcOperation.atprotoGenesis(rotation, key.publicKey(), handle, endpoint.publicUrl())
                .sign(plcRotationKey);
        Did did = op.genesisDid();
        plc.submit(did, op);
        return did;
    }
}
