package dev.skein.core.firehose;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.Objects;

/**
 * One record operation of a {@code #commit} ({@code #repoOp}): {@code cid} is the new record ({@code null}
 * for a delete) and {@code prev} the record it replaces or removes (absent for a create). Sync 1.1
 * producers set {@code prev} on every update and delete; older ones left it out, so it is optional here
 * and required only by commit verification (MST inversion needs it).
 *
 * @param path {@code <collection>/<rkey>}
 */
public record RepoOp(Action action, String path, Cid cid, Cid prev) {
    /** The {@code action} values. */
    public enum Action {
        CREATE("create"), UPDATE("update"), DELETE("delete");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        /** The lexicon string. */
        public String wire() {
            return wire;
        }

        public static Action fromWire(String s) {
            for (Action a : values()) {
                if (a.wire.equals(s)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown action \"" + s + "\"");
        }
    }

    public RepoOp {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
        checkPath(path);
        if ((cid == null) != (action == Action.DELETE)) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, "cid",
                    action.wire + " must " + (action == Action.DELETE ? "have a null cid" : "have a cid"));
        }
        if (action == Action.CREATE && prev != null) {
            throw new InvalidFrameException(InvalidFrameException.Reason.INVALID_FIELD, "prev", "create must not have a prev");
        }
    }

    /** The collection part of the path. */
    public Nsid collection() {
        return new Nsid(path.substring(0, path.indexOf('/')));
    }

    /** The record-key part of the path. */
    public RecordKey rkey() {
        return new RecordKey(path.substring(path.indexOf('/') + 1));
    }

    private static void checkPath(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
            throw EventChecks.invalid("path", "not a <collection>/<rkey> repo path: \"" + path + "\"");
        }
        Fields.checked("path", () -> new Nsid(path.substring(0, slash)));
        Fields.checked("path", () -> new RecordKey(path.substring(slash + 1)));
    }

    public static RepoOp create(String path, Cid cid) {
        return new RepoOp(Action.CREATE, path, Objects.requireNonNull(cid, "cid"), null);
    }

    public static RepoOp update(String path, Cid cid, Cid prev) {
        return new RepoOp(Action.UPDATE, path, Objects.requireNonNull(cid, "cid"), Objects.requireNonNull(prev, "prev"));
    }

    public static RepoOp delete(String path, Cid prev) {
        return new RepoOp(Action.DELETE, path, null, Objects.requireNonNull(prev, "prev"));
    }

    /** The {@code #repoOp} object: {@code cid} always present (null for deletes), {@code prev} only when set. */
    public MapValue toValue() {
        return MapValue.builder()
                .put("action", action.wire)
                .put("path", path)
                .put("cid", cid == null ? NullValue.INSTANCE : new LinkValue(cid))
                .putIfPresent("prev", prev == null ? null : new LinkValue(prev))
                .build();
    }

    static RepoOp fromValue(DataValue value, String name) {
        Fields f = Fields.of(value, name);
        Action action = Fields.checked(f.name("action"), () -> Action.fromWire(f.string("action")));
        String path = f.string("path");
        Cid cid = f.nullableLink("cid");
        Cid prev = f.optionalLink("prev");
        try {
            return new RepoOp(action, path, cid, prev);
        } catch (InvalidFrameException e) {
            throw e.within(name);
        }
    }
}
