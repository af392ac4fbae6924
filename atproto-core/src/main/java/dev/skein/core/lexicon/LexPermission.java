package dev.skein.core.lexicon;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code permission} sub-type: one entry of a permission set. Only {@code repo} and {@code rpc} resources
 * are meaningful in a Lexicon; any other resource is kept as {@link Unsupported}, for services to ignore.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#permission">Lexicon: permission</a>,
 * <a href="https://atproto.com/specs/permission">permissions</a>.
 */
public sealed interface LexPermission extends LexSchema {

    /** The {@code resource} the permission grants access to. */
    String resource();

    @Override
    default String type() {
        return "permission";
    }

    /** Record writes to the listed collections, limited to {@code actions} (all three when empty). */
    record Repo(Optional<String> description, List<Nsid> collections, List<String> actions) implements LexPermission {
        public static final List<String> ACTIONS = List.of("create", "update", "delete");

        public Repo {
            collections = List.copyOf(collections);
            actions = List.copyOf(actions);
        }

        @Override
        public String resource() {
            return "repo";
        }
    }

    /**
     * Calls to the listed XRPC methods ({@code lxm}: NSIDs, or {@code *}) on the {@code aud} service
     * ({@code *}), or on the audience the permission set is requested for when {@code inheritAud}.
     */
    record Rpc(Optional<String> description, List<String> lxm, Optional<String> aud, boolean inheritAud)
            implements LexPermission {
        public Rpc {
            lxm = List.copyOf(lxm);
        }

        @Override
        public String resource() {
            return "rpc";
        }
    }

    /** A resource a Lexicon permission set does not support; kept with all its fields. */
    record Unsupported(Optional<String> description, String resource, MapValue fields) implements LexPermission {
        public Unsupported {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(fields, "fields");
        }
    }
}
