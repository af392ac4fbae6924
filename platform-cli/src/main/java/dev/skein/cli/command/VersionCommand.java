package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code skein version} (and {@code --version}): the build's version. */
@Command(name = "version", description = "Prints the version.")
public final class VersionCommand implements Callable<Integer> {
    private final CliContext context;

    public VersionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println("skein " + version());
        return 0;
    }

    /** The project version Maven wrote into {@code dev/skein/cli/version.properties}. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/dev/skein/cli/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** For {@code skein --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"skein " + version()};
        }
    }
}
