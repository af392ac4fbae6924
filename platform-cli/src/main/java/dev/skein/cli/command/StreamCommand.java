package dev.skein.cli.command;

import dev.skein.cli.CliContext;
import dev.skein.cli.ExitCodes;
import dev.skein.cli.client.IdentityResolver;
import dev.skein.cli.stream.JetstreamRecordStream;
import dev.skein.cli.stream.RecordFilter;
import dev.skein.cli.stream.RecordValidator;
import dev.skein.cli.stream.StreamListener;
import dev.skein.cli.stream.StreamRecord;
import dev.skein.cli.stream.Validation;
import dev.skein.cli.stream.VerifiedRecordStream;
import dev.skein.core.syntax.Did;
import dev.skein.xrpc.client.ServiceUnreachable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skein stream tail}: the relay's stream, verified and validated, one JSON line per record operation. */
@Command(name = "stream", description = "Reads the relay's event stream.", subcommands = StreamCommand.Tail.class)
public final class StreamCommand {

    @Command(name = "tail", description = {
            "Prints one JSON line per record operation of the relay's stream: did, seq, action, collection, rkey, uri,"
                    + " cid, verified, validation (valid, invalid with errors, or unknown), record.",
            "By default reads com.atproto.sync.subscribeRepos and verifies every commit (signature with the key of the"
                    + " account's DID document, Sync 1.1 proof, rev order); with --jetstream reads the relay's Jetstream"
                    + " /subscribe instead (filtered by the relay, not signed). Every record is validated against the"
                    + " lexicons with the PDS's validator. Invalid records and rejected commits are also reported on"
                    + " standard error. When the relay closes the stream, tail connects again from the last event."})
    public static final class Tail implements Callable<Integer> {
        /** The pause before connecting again to a relay that closed the stream. */
        static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);
        /** How many times in a row a relay that does not answer is tried again (two minutes). */
        static final int RECONNECT_ATTEMPTS = 60;

        private final CliContext context;

        @Option(names = "--relay", paramLabel = "URL", description = "The relay (default: $SKEIN_RELAY_URL, else http://127.0.0.1:2584).")
        URI relay;

        @Option(names = "--plc", paramLabel = "URL",
                description = "The PLC directory that resolves did:plc (default: $SKEIN_PLC_URL, else http://127.0.0.1:2582).")
        URI plc;

        @Option(names = "--collection", paramLabel = "NSID", description = "Only this collection; agent.comms.* for a"
                + " prefix (repeat for several).")
        List<String> collections = new ArrayList<>();

        @Option(names = "--did", paramLabel = "DID", description = "Only this account (repeat for several).")
        List<String> dids = new ArrayList<>();

        @Option(names = "--cursor", paramLabel = "N", description = "Start after this sequence number (Jetstream: time_us);"
                + " 0 replays everything the relay keeps. Default: live events only.")
        Long cursor;

        @Option(names = "--jetstream", description = "Read the relay's Jetstream stream instead of subscribeRepos.")
        boolean jetstream;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
        Integer limit;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this many seconds.")
        Long timeout;

        public Tail(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RecordFilter filter = RecordFilter.of(collections, dids);
            URI relayUrl = Services.relay(context, relay);
            RecordValidator validator = RecordValidator.bundled();
            Printer printer = new Printer();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "skein-stream-timeout");
                t.setDaemon(true);
                return t;
            });
            try {
                if (jetstream) {
                    JetstreamRecordStream stream = new JetstreamRecordStream(relayUrl, context.http(), validator, filter);
                    printer.stop = stream::stop;
                    scheduleStop(timer, stream::stop);
                    follow(c -> stream.run(c, printer), stream::stopped, stream::lastCursor);
                } else {
                    IdentityResolver identities = IdentityResolver.overHttp(context.client(Services.plc(context, plc)));
                    VerifiedRecordStream stream = new VerifiedRecordStream(relayUrl, context.http(), identities, validator, filter);
                    printer.stop = stream::stop;
                    scheduleStop(timer, stream::stop);
                    follow(c -> stream.run(c, printer), stream::stopped, stream::lastSeq);
                }
            } finally {
                timer.shutdownNow();
                context.out().flush();
            }
            context.err().println("stream tail: " + printer.records + " record(s), " + printer.invalid + " invalid, "
                    + printer.rejected + " rejected commit(s)");
            return printer.invalid.get() + printer.rejected.get() > 0 ? ExitCodes.INVALID_STREAM : ExitCodes.OK;
        }

        /**
         * Runs the stream until it is stopped (limit, timeout, an error frame): when the relay closes it otherwise
         * (a restart, a consumer it found too slow, a dropped connection), connects again after the last event read,
         * so nothing is missed, trying for {@link #RECONNECT_ATTEMPTS} times {@link #RECONNECT_DELAY} while the relay
         * does not answer. The first connection is not retried: a relay that is not there is an error at once.
         */
        private void follow(Consumer<Optional<Long>> run, BooleanSupplier stopped, LongSupplier last) {
            Optional<Long> next = Optional.ofNullable(cursor);
            boolean reconnecting = false;
            int failures = 0;
            while (true) {
                try {
                    run.accept(next);
                    failures = 0;
                } catch (ServiceUnreachable e) {
                    if (!reconnecting || ++failures >= RECONNECT_ATTEMPTS) {
                        throw e;
                    }
                }
                if (stopped.getAsBoolean()) {
                    return;
                }
                if (last.getAsLong() >= 0) {
                    next = Optional.of(last.getAsLong());
                }
                if (failures == 0) {
                    context.err().println("stream: the relay closed the stream; connecting again"
                            + next.map(c -> " from cursor " + c).orElse(""));
                }
                reconnecting = true;
                try {
                    Thread.sleep(RECONNECT_DELAY);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void scheduleStop(ScheduledExecutorService timer, Runnable stop) {
            if (timeout != null) {
                timer.schedule(stop, timeout, TimeUnit.SECONDS);
            }
        }

        /** Prints what the stream delivers and stops it at the limit. */
        private final class Printer implements StreamListener {
            final AtomicInteger records = new AtomicInteger();
            final AtomicInteger invalid = new AtomicInteger();
            final AtomicInteger rejected = new AtomicInteger();
            Runnable stop = () -> { };

            @Override
            public void onRecord(StreamRecord record) {
                context.out().println(record.toJsonLine());
                context.out().flush();
                Validation v = record.validation();
                if (v != null && v.status() == Validation.Status.INVALID) {
                    invalid.incrementAndGet();
                    context.err().println("invalid record " + record.uri() + ": " + String.join("; ", v.errors()));
                }
                if (records.incrementAndGet() == (limit == null ? -1 : limit)) {
                    stop.run();
                }
            }

            @Override
            public void onRejectedCommit(long seq, Did did, String reason) {
                rejected.incrementAndGet();
                context.err().println("rejected commit seq " + seq + " of " + did.value() + ": " + reason);
            }

            @Override
            public void onNotice(String name, String message) {
                context.err().println("stream: " + name + (message.isEmpty() ? "" : ": " + message));
            }
        }
    }
}
