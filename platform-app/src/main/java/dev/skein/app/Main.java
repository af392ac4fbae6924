package dev.skein.app;

import dev.skein.cli.SkeinCli;

/**
 * The jar's entry point: a command-line call ({@code skein account create ...}, see {@link SkeinCli#COMMANDS}) runs
 * the command line, which starts in a fraction of a second because no Spring context is made; anything else (no
 * arguments, or server settings like {@code --server.port=8080}) starts the platform ({@link SkeinApplication}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (SkeinCli.isCommand(args)) {
            System.exit(SkeinCli.run(args));
        }
        SkeinApplication.main(args);
    }
}
