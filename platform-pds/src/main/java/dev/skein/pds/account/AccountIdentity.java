package dev.skein.pds.account;

import dev.skein.core.crypto.SigningKey;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.identity.PlcService;
import dev.skein.core.identity.PlcState;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.pds.PdsEndpoint;
import dev.skein.pds.identity.DidResolver;
import dev.skein.pds.identity.HandleResolver;
import dev.skein.pds.identity.HandleRules;
import dev.skein.pds.identity.PlcClient;
import dev.skein.pds.store.Transactions;
import dev.skein.xrpc.XrpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/**
 * The identity side of hosted accounts: handle resolution (this PDS's handles from its database, others
 * by DNS and HTTPS), handle changes (a new PLC operation for did:plc accounts, then {@code #identity}),
 * the DID document an account should have here, and whether it has it.
 *
 * <p>Spec: <a href="https://atproto.com/specs/handle">handle</a>.
 */
public final class AccountIdentity {
    private final AccountStore accounts;
    private final HandleRules rules;
    private final HandleResolver resolver;
    private final DidResolver dids;
    private final PlcClient plc;
    private final SigningKey plcRotationKey;
    private final SigningKeys keys;
    private final PdsEndpoint endpoint;
    private final AccountEvents events;
    private final Transactions tx;

    public AccountIdentity(AccountStore accounts, HandleRules rules, HandleResolver resolver, DidResolver dids, PlcClient plc,
                           SigningKey plcRotationKey, SigningKeys keys, PdsEndpoint endpoint, AccountEvents events,
                           Transactions tx) {
        this.accounts = accounts;
        this.rules = rules;
        this.resolver = resolver;
        this.dids = dids;
        this.plc = plc;
        this.plcRotationKey = plcRotationKey;
        this.keys = keys;
        this.endpoint = endpoint;
        this.events = events;
        this.tx = tx;
    }

    /**
     * The DID of a handle: an account here (unless deleted), else, for a handle outside the service
     * domains, what DNS or HTTPS says; otherwise 400 {@code HandleNotFound}.
     */
    public Did resolveHandle(Handle handle) {
        Handle h = handle.normalized();
        Optional<Account> local = accounts.findByHandle(h).filter(a -> a.status() != AccountStatus.DELETED);
        if (local.isPresent()) {
            return local.get().did();
        }
        if (rules.serviceDomain(h).isEmpty() && !h.hasDisallowedTld()) {
            Optional<Did> remote = resolver.resolve(h);
            if (remote.isPresent()) {
                return remote.get();
            }
        }
        throw XrpcException.badRequest("HandleNotFound", "Unable to resolve handle: " + h);
    }

    /** The DID {@code /.well-known/atproto-did} serves for a request to {@code host}: a handle of an account here. */
    public Optional<Did> wellKnownDid(String host) {
        try {
            Handle h = Handle.parse(host).normalized();
            return accounts.findByHandle(h).filter(a -> a.status() == AccountStatus.ACTIVE
                    || a.status() == AccountStatus.DEACTIVATED).map(Account::did);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Changes an account's handle: under a service domain if free; elsewhere only if the handle resolves to
     * the account's DID. A did:plc account gets a new PLC operation with {@code at://<handle>} first in
     * {@code alsoKnownAs}; then {@code #identity} is emitted (also when the handle is unchanged, which
     * asks consumers to refresh).
     */
    public Handle updateHandle(Did did, String requested) {
        Handle handle = rules.parse(requested);
        if (rules.serviceDomain(handle).isPresent()) {
            rules.checkNew(handle, false);
        } else if (!resolver.resolve(handle).map(did::equals).orElse(false)) {
            throw XrpcException.badRequest("InvalidHandle", "External handle did not resolve to DID: " + handle);
        }
        Optional<Account> holder = accounts.findByHandle(handle);
        if (holder.isPresent() && !holder.get().did().equals(did)) {
            throw XrpcException.badRequest("HandleNotAvailable", "Handle already taken: " + handle);
        }
        if (did.method().equals("plc")) {
            publish(did, handle);
        }
        try {
            tx.write(() -> {
                accounts.setHandle(did, handle);
                events.identity(did, handle);
            });
        } catch (DuplicateKeyException e) {
            throw XrpcException.badRequest("HandleNotAvailable", "Handle already taken: " + handle);
        }
        return handle;
    }

    /** What the account's DID document should say for this PDS to host it. */
    public PlcState recommendedCredentials(Did did) {
        Account a = accounts.find(did).orElseThrow(() -> XrpcException.badRequest("AccountNotFound", "Account not found"));
        List<String> rotation = did.method().equals("plc") ? List.of(plcRotationKey.publicKey().didKey()) : List.of();
        return new PlcState(did, rotation, Map.of(PlcState.ATPROTO_KEY, keys.load(did).publicKey().didKey()),
                a.handle().map(h -> List.of("at://" + h.value())).orElse(List.of()),
                Map.of(PlcService.ATPROTO_PDS, PlcService.pds(endpoint.publicUrl().toString())));
    }

    /** Whether the account's current DID document names this PDS and the account's key here. */
    public boolean hasValidDid(Did did) {
        try {
            Optional<DidDocument> doc = dids.resolve(did, true);
            return doc.isPresent()
                    && doc.get().pdsEndpoint().map(u -> u.equals(endpoint.publicUrl())).orElse(false)
                    && doc.get().atprotoKey().map(k -> k.equals(keys.load(did).publicKey())).orElse(false);
        } catch (XrpcException e) {
            return false;
        }
    }

    private void publish(Did did, Handle handle) {
        PlcOp last = plc.lastOperation(did);
        if (!(last instanceof PlcOperation op)) {
            throw XrpcException.invalidRequest("The DID's latest PLC operation is not a regular operation: " + last.type());
        }
        List<String> aka = new ArrayList<>();
        aka.add("at://" + handle.value());
        op.alsoKnownAs().stream().filter(u -> !u.startsWith("at://")).forEach(aka::add);
        PlcOperation next = new PlcOperation(op.rotationKeys(), op.verificationMethods(), aka, op.services(),
                Optional.of(last.cid()), Optional.empty()).sign(plcRotationKey);
        plc.submit(did, next);
    }
}
