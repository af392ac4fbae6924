package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import java.net.URI;
import java.util.Optional;

/**
 * Where the services are when no option says: the environment ({@code SKEIN_PDS_URL}, {@code SKEIN_PLC_URL},
 * {@code SKEIN_RELAY_URL}), else the ports {@code ./skein} listens on by default.
 */
final class Services {
    static final URI DEFAULT_PDS = URI.create("http://127.0.0.1:2583");
    static final URI DEFAULT_PLC = URI.create("http://127.0.0.1:2582");
    static final URI DEFAULT_RELAY = URI.create("http://127.0.0.1:2584");

    private Services() {}

    static URI pds(CliContext context, URI given) {
        return pick(given, context.env("SKEIN_PDS_URL"), DEFAULT_PDS);
    }

    static URI plc(CliContext context, URI given) {
        return pick(given, context.env("SKEIN_PLC_URL"), DEFAULT_PLC);
    }

    static URI relay(CliContext context, URI given) {
        return pick(given, context.env("SKEIN_RELAY_URL"), DEFAULT_RELAY);
    }

    private static URI pick(URI given, Optional<String> env, URI fallback) {
        if (given != null) {
            return given;
        }
        return env.map(URI::create).orElse(fallback);
    }
}
