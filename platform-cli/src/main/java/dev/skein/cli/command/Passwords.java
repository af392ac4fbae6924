package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.UsageError;
import java.util.Optional;

/** A password from an option, else an environment variable, else the console prompt. */
final class Passwords {
    private Passwords() {}

    static String resolve(CliContext context, String given, String envName, String forWhat) {
        return Optional.ofNullable(given).or(() -> context.env(envName))
                .or(() -> context.passwordPrompt().get().map(String::new))
                .orElseThrow(() -> new UsageError("no password for " + forWhat + ": give --password or set " + envName));
    }
}
