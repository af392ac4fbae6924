package dev.skein.core.lexicon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code permission-set} type: a bundle of permissions requested as one OAuth scope. The {@code :lang}
 * maps are keyed by language tag.
 */
public record LexPermissionSet(
        Optional<String> description,
        Optional<String> title,
        Map<String, String> titleLang,
        Optional<String> detail,
        Map<String, String> detailLang,
        List<LexPermission> permissions) implements LexPrimary {
    public LexPermissionSet {
        titleLang = Collections.unmodifiableMap(new LinkedHashMap<>(titleLang));
        detailLang = Collections.unmodifiableMap(new LinkedHashMap<>(detailLang));
        permissions = List.copyOf(permissions);
    }

    @Override
    public String type() {
        return "permission-set";
    }
}
