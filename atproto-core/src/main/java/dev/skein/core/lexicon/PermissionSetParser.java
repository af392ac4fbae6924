package dev.skein.core.lexicon;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.LanguageTag;
import dev.skein.core.syntax.Nsid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code permission-set} and its permissions, with the rules a Lexicon puts on them: {@code repo}
 * lists at least one collection NSID (no wildcard) and known actions; {@code rpc} lists at least one method
 * (an NSID or {@code *}) and either {@code aud: "*"} or {@code inheritAud: true}, never both wildcards.
 *
 * <p>Spec: <a href="https://atproto.com/specs/lexicon#permission">Lexicon: permission</a>.
 */
final class PermissionSetParser {
    private static final String WILDCARD = "*";

    private PermissionSetParser() {}

    static LexPermissionSet permissionSet(DefReader r) {
        List<DataValue> items = r.array("permissions").orElseThrow(() -> r.missing("permissions"));
        List<LexPermission> permissions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            permissions.add(permission(DefReader.of(items.get(i), r.path("permissions") + "/" + i)));
        }
        return new LexPermissionSet(r.description(), r.string("title"), langMap(r, "title:lang"),
                r.string("detail"), langMap(r, "detail:lang"), permissions);
    }

    private static Map<String, String> langMap(DefReader r, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        r.object(key).ifPresent(m -> {
            for (var e : m.map().entries()) {
                try {
                    LanguageTag.parse(e.getKey());
                } catch (InvalidSyntaxException ex) {
                    throw m.error(Reason.INVALID_NAME, e.getKey(), ex.getMessage()).withCause(ex);
                }
                if (!(e.getValue() instanceof StringValue s)) {
                    throw m.error(Reason.WRONG_TYPE, e.getKey(), "must be a string, not " + e.getValue().kind());
                }
                out.put(e.getKey(), s.value());
            }
        });
        return out;
    }

    private static LexPermission permission(DefReader r) {
        LexiconParser.typed(r, "permission");
        String resource = r.requireString("resource");
        return switch (resource) {
            case "repo" -> repo(r);
            case "rpc" -> rpc(r);
            case "" -> throw r.error(Reason.INVALID_CONSTRAINT, "resource", "must not be empty");
            default -> new LexPermission.Unsupported(r.description(), resource, r.map());
        };
    }

    private static LexPermission.Repo repo(DefReader r) {
        List<String> raw = nonEmptyUnique(r, "collection");
        List<Nsid> collections = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            collections.add(nsid(r, "collection", i, raw.get(i)));
        }
        List<String> actions = r.strings("action").orElse(List.of());
        unique(r, "action", actions);
        for (int i = 0; i < actions.size(); i++) {
            if (!LexPermission.Repo.ACTIONS.contains(actions.get(i))) {
                throw new LexiconException(Reason.INVALID_CONSTRAINT, r.path("action") + "/" + i,
                        "action must be create, update or delete, not " + actions.get(i));
            }
        }
        return new LexPermission.Repo(r.description(), collections, actions);
    }

    private static LexPermission.Rpc rpc(DefReader r) {
        List<String> lxm = nonEmptyUnique(r, "lxm");
        for (int i = 0; i < lxm.size(); i++) {
            if (!lxm.get(i).equals(WILDCARD)) {
                nsid(r, "lxm", i, lxm.get(i));
            }
        }
        var aud = r.string("aud");
        boolean inheritAud = r.bool("inheritAud").orElse(false);
        if (aud.isPresent() && !aud.get().equals(WILDCARD)) {
            throw r.error(Reason.INVALID_CONSTRAINT, "aud", "in a permission set aud can only be \"*\"");
        }
        if (aud.isPresent() == inheritAud) {
            throw r.error(Reason.INVALID_CONSTRAINT, null, "an rpc permission needs either aud or inheritAud, not both");
        }
        if (aud.isPresent() && lxm.contains(WILDCARD)) {
            throw r.error(Reason.INVALID_CONSTRAINT, "aud", "lxm and aud can not both be \"*\"");
        }
        return new LexPermission.Rpc(r.description(), lxm, aud, inheritAud);
    }

    private static Nsid nsid(DefReader r, String key, int index, String value) {
        try {
            return Nsid.parse(value);
        } catch (InvalidSyntaxException e) {
            throw new LexiconException(Reason.INVALID_NSID, r.path(key) + "/" + index, e.getMessage()).withCause(e);
        }
    }

    private static List<String> nonEmptyUnique(DefReader r, String key) {
        List<String> values = r.strings(key).orElseThrow(() -> r.missing(key));
        if (values.isEmpty()) {
            throw r.error(Reason.INVALID_CONSTRAINT, key, "must list at least one value");
        }
        unique(r, key, values);
        return values;
    }

    private static void unique(DefReader r, String key, List<String> values) {
        if (new HashSet<>(values).size() != values.size()) {
            throw r.error(Reason.INVALID_CONSTRAINT, key, "values must be unique");
        }
    }
}
