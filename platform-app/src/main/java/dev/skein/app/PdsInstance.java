package dev.skein.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * A named PDS of this process: {@code skein.pds-instances.<name>.*}. Each runs in a web context of its own,
 * with its own port ({@code port}), data folder ({@code <data-dir>/pds-<name>}), database schema
 * ({@code pds_<name>}) and so its own keys and accounts; every other setting is a PDS setting that overrides
 * the shared {@code skein.pds.*} one, e.g. {@code skein.pds-instances.alpha.hostname=alpha.example.com}.
 * When any instance is named, the {@code pds} role runs those and no unnamed PDS.
 *
 * @param name the instance's name: lower-case letters and digits, starting with a letter (so that it also
 *     works in an environment variable, {@code SKEIN_PDSINSTANCES_ALPHA_PORT})
 * @param port its port, or {@code null} when {@code server.port=0} puts it on a random one
 * @param settings its PDS settings, keyed below {@code skein.pds.} (e.g. {@code hostname}, {@code datasource.url})
 */
public record PdsInstance(String name, Integer port, Map<String, String> settings) {
    static final String PREFIX = "skein.pds-instances";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");
    private static final Bindable<Map<String, Map<String, String>>> INSTANCES = Bindable.of(ResolvableType.forClassWithGenerics(
            Map.class, ResolvableType.forClass(String.class), ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));

    public PdsInstance {
        settings = Map.copyOf(settings);
    }

    /** The instances {@code env} names, by name; empty when it names none. */
    static List<PdsInstance> from(Environment env) {
        Map<String, Map<String, String>> raw = new TreeMap<>(Binder.get(env).bind(PREFIX, INSTANCES).orElse(Map.of()));
        List<PdsInstance> instances = new ArrayList<>();
        raw.forEach((name, values) -> instances.add(of(name, values)));
        return List.copyOf(instances);
    }

    /** An instance from its raw settings, with clear errors for a bad name or port. */
    static PdsInstance of(String name, Map<String, String> values) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(PREFIX + "." + name + ": an instance name is lower-case letters and digits, "
                    + "starting with a letter (it becomes part of a schema name and of environment variable names)");
        }
        Map<String, String> settings = new TreeMap<>(values);
        String portText = settings.remove("port");
        Integer port = null;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(PREFIX + "." + name + ".port is not a port: " + portText);
            }
        }
        for (String key : settings.keySet()) {
            if (key.equals("data-dir") || key.startsWith("datasource.schema")) {
                continue;
            }
            if (key.startsWith("pds.") || key.startsWith("skein.")) {
                throw new IllegalArgumentException(PREFIX + "." + name + "." + key
                        + ": instance settings are PDS settings without their prefix, e.g. " + PREFIX + "." + name + ".hostname");
            }
        }
        return new PdsInstance(name, port, settings);
    }

    /** The instance's folder under the data directory. */
    String folder() {
        return "pds-" + name;
    }

    /**
     * The settings the instance's context reads first: its own, then a data folder and a schema of its own
     * unless it names them (shared {@code skein.pds.data-dir} or {@code .datasource.schema} would let two
     * instances write over each other).
     */
    Map<String, Object> overrides(DataDirectory data) {
        Map<String, Object> o = new TreeMap<>();
        o.put("skein.pds.data-dir", data.root().resolve(folder()).toString());
        o.put("skein.pds.datasource.schema", "pds_" + name);
        settings.forEach((k, v) -> o.put("skein.pds." + k, v));
        return o;
    }
}
