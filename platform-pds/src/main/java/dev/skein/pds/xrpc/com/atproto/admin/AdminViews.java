package dev.skein.pds.xrpc.com.atproto.admin;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.lexicon.nsid.ComAtproto;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.xrpc.XrpcException;

/** {@code com.atproto.admin.defs#accountView} and {@code #repoRef} for the admin methods. */
final class AdminViews {
    static final String REPO_REF = ComAtproto.Admin.DEFS_REPO_REF;

    private AdminViews() {}

    static MapValue account(Account a) {
        MapValue.Builder b = MapValue.builder()
                .put("did", a.did().value())
                .put("handle", a.handleOrInvalid().value())
                .put("indexedAt", Datetime.of(a.createdAt()).value());
        a.email().ifPresent(e -> b.put("email", e));
        a.deactivatedAt().ifPresent(t -> b.put("deactivatedAt", Datetime.of(t).value()));
        return b.build();
    }

    static MapValue repoRef(Did did) {
        return MapValue.builder().put("$type", REPO_REF).put("did", did.value()).build();
    }

    static Account find(AccountStore accounts, Did did) {
        return accounts.find(did).orElseThrow(() -> XrpcException.badRequest("AccountNotFound", "Account not found: " + did));
    }

    static MapValue statusAttr(boolean applied) {
        return MapValue.builder().put("applied", applied).build();
    }

    static boolean takenDown(Account a) {
        return a.status() == AccountStatus.TAKENDOWN;
    }
}
