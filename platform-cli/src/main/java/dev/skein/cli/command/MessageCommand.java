package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.client.AuthenticatedPds;
import dev.skein.cli.client.Methods;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.lexicon.agent.comms.Defs;
import dev.skein.lexicon.agent.comms.Message;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skein message send}: an {@code agent.comms.message} record, built with the generated lexicon types. */
@Command(name = "message", description = "Sends agent.comms messages.", subcommands = MessageCommand.Send.class)
public final class MessageCommand {

    @Command(name = "send", description = "Writes an agent.comms.message addressed to one or more agents into the"
            + " sender's repository, and prints its URI and CID.")
    public static final class Send implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        AuthOptions auth;

        @Option(names = "--to", required = true, paramLabel = "DID", description = "A recipient's DID (repeat for several).")
        List<String> to;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The message text.")
        String text;

        public Send(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Message message = message(to.stream().map(Did::parse).toList(), text, Datetime.now());
            AuthenticatedPds pds = auth.authenticate(context);
            MapValue body = MapValue.builder().put("repo", pds.session().did().value())
                    .put("collection", Message.NSID.value()).put("record", message.toValue()).build();
            MapValue answer = pds.call(a -> pds.client().procedure(Methods.CREATE_RECORD, body, a));
            context.out().println("sent " + answer.getString("uri").orElse("?") + " " + answer.getString("cid").orElse("?"));
            return 0;
        }

        /** A plain-text message to {@code recipients}. */
        static Message message(List<Did> recipients, String text, Datetime createdAt) {
            Defs.Parts parts = new Defs.Parts(List.of(new Defs.Parts.PartsUnion.TextPart(new Defs.TextPart(text))));
            return new Message(recipients, new Message.ContentUnion.Parts(parts), createdAt);
        }
    }
}
