package dev.skein.cli;

import dev.skein.cli.command.AccountCommand;
import dev.skein.cli.command.LexiconCommand;
import dev.skein.cli.command.LoginCommand;
import dev.skein.cli.command.MessageCommand;
import dev.skein.cli.command.RecordCommand;
import dev.skein.cli.command.RepoCommand;
import dev.skein.cli.command.StreamCommand;
import dev.skein.cli.command.VersionCommand;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code skein} command line: talks to the services only through their public XRPC API and WebSockets, as
 * any client does, and starts without Spring. {@code dev.skein.app.Main} sends the arguments here when the
 * first one is one of {@link #COMMANDS}.
 */
@Command(name = "skein", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionCommand.Provider.class,
        description = "Works with a running Skein network: agent accounts, records, messages, the verified relay"
                + " stream, repository exports and lexicons. Without a command, the skein script starts the platform.",
        subcommands = {AccountCommand.class, LoginCommand.class, RecordCommand.class, MessageCommand.class,
                StreamCommand.class, RepoCommand.class, LexiconCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class SkeinCli {
    /** The first arguments that select the command line rather than the server. */
    public static final Set<String> COMMANDS = Set.of("account", "login", "record", "message", "stream", "repo",
            "lexicon", "help", "version");

    private SkeinCli() {}

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command in this process, with its environment and standard streams, and returns the exit code. */
    public static int run(String... args) {
        return run(CliContext.system(), args);
    }

    /** Whether {@code args} are a command-line call (and not the server's settings). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs one command and returns its exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    /** The command tree, its output going to the context's streams. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(SkeinCli.class, new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler(new ErrorReporter(context.err()));
        cli.setUsageHelpAutoWidth(true);
        addFooter(cli);
        return cli;
    }

    /** Every command's help ends with the exit codes and the environment variables. */
    private static void addFooter(CommandLine command) {
        command.getCommandSpec().usageMessage().footer(ExitCodes.HELP);
        command.getSubcommands().values().forEach(SkeinCli::addFooter);
    }

    /** Creates commands with the context when they take one. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
