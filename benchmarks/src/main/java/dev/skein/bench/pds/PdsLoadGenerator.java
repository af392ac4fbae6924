package dev.skein.bench.pds;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.xrpc.client.XrpcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The PDS load generator (issue 3, "Performance"): measures over HTTP what the reference TypeScript PDS was
 * measured on, and prints a markdown table with the goal, the reference's figure and ours.
 *
 * <p>It starts {@code skein.jar} with the roles {@code plc,pds} as a process of its own (embedded H2 by
 * default, PostgreSQL with {@code --jdbc}), or uses a running PDS ({@code --pds URL}, with {@code --pid}
 * for memory and CPU). Then: createRecord at concurrency 1 and 8 ({@code --records} each, into fresh
 * repositories), the same across 8 repositories at once, getRecord and listRecords at concurrency 8, the
 * getRepo export of the repository written at concurrency 1, the delay from a createRecord's response to
 * its {@code #commit} frame on {@code subscribeRepos}, and resident memory at idle and after the load. The
 * machine may be shared, so each row also gives the PDS's CPU time per call (independent of other load)
 * and the load average when it was taken. Run it with {@code scripts/bench-pds.sh}.
 */
public final class PdsLoadGenerator {
    /** The read runs' concurrency: clients, each with its own connection, making calls back to back. */
    private static final int READERS = 8;

    private final Options options;
    private final List<Row> rows = new ArrayList<>();

    private PdsLoadGenerator(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new PdsLoadGenerator(Options.parse(args)).run();
    }

    private void run() throws Exception {
        Path dataDir = Files.createTempDirectory(options.workDir, "pds-");
        try (PdsProcess pds = options.pds.isPresent()
                ? PdsProcess.running(options.pds.get(), options.pid)
                : PdsProcess.start(options.java, options.jar, dataDir, options.jvmOptions, options.jdbc,
                options.dbUser, options.dbPassword, options.dbSchema)) {
            System.err.println("PDS at " + pds.url() + (pds.measurable() ? "" : " (process unknown: no memory or CPU figures)"));
            measure(pds);
        } finally {
            if (!options.keepData) {
                deleteTree(dataDir);
            }
        }
        print();
    }

    private void measure(PdsProcess pds) throws Exception {
        Thread.sleep(options.idleSettle.toMillis());
        if (pds.measurable()) {
            rows.add(Row.of("resident memory at idle (MiB)", "< 300", "≈ 200", pds.rssMib(), PdsProcess.loadAverage()));
        }
        XrpcClient xrpc = new XrpcClient(pds.url());
        Accounts accounts = new Accounts(xrpc);
        progress("warm-up (every kind of call measured below, until the PDS's JIT compiler has done most of its work)");
        Account warm = warmUp(pds, xrpc, accounts);
        exports(pds, xrpc, warm);

        Account single = accounts.create("seq");
        Account grouped = accounts.create("c8");
        List<Account> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(accounts.create("many" + i));
        }
        try (FirehoseProbe firehose = new FirehoseProbe(pds.url())) {
            awaitLive(firehose, xrpc, warm);
            if (options.writesOnly) {
                concurrency8(pds, grouped);
                return;
            }
            settle(pds);
            progress("createRecord, concurrency 1");
            Writes c1 = createRecords(pds, List.of(single), options.records, 1);
            rows.add(Row.rate("createRecord/s, 1 repo, concurrency 1", "—", "≈ 140", c1.run));
            rows.add(Row.latency("createRecord p50 / p95 (ms), concurrency 1", "—", "—", c1.run));
            Writes c8 = concurrency8(pds, grouped);
            settle(pds);
            progress("createRecord, 8 repos");
            Writes spread = createRecords(pds, many, options.records, 8);
            threads("createRecord, 8 repos", spread.run);
            rows.add(Row.rate("createRecord/s, 8 repos, one client each", "scales with cores", "—", spread.run));
            Thread.sleep(500);
            Map<Cid, Long> arrivals = firehose.commitArrivals();
            rows.add(Row.of("firehose delay p50 / p95 (ms), concurrency 1", "p50 ≤ 2", "4.5 / —",
                    c1.delays(arrivals), c1.run.loadAverage()));
            rows.add(Row.of("firehose delay p50 / p95 (ms), concurrency 8", "—", "—", c8.delays(arrivals), c8.run.loadAverage()));
        }

        try (KeepAliveConnections queries = new KeepAliveConnections(pds.url(), READERS)) {
            settle(pds);
            progress("getRecord");
            long clientCpu = ClientCpu.nanos();
            LoadRun.Result reads = LoadRun.run(pds, options.reads, READERS,
                    (c, i) -> single.getRecord(queries, c, single.keys.get((i * 7919) % single.keys.size())));
            ClientCpu.report("getRecord", clientCpu, reads.calls());
            rows.add(Row.rate("getRecord/s, concurrency 8", "≥ 2,355", "≈ 785", reads));
            settle(pds);
            progress("listRecords");
            clientCpu = ClientCpu.nanos();
            LoadRun.Result lists = LoadRun.run(pds, options.reads / 4, READERS, (c, i) -> single.listRecords(queries, c, 50));
            ClientCpu.report("listRecords", clientCpu, lists.calls());
            rows.add(Row.rate("listRecords/s (50 records a page), concurrency 8", "—", "—", lists));
        }
        progress("getRepo");
        LoadRun.Result export = exports(pds, xrpc, single);
        rows.add(Row.of("getRepo of a " + single.keys.size() + "-record repo, median (ms)", "—", "54",
                export.latencies().percentileMs(50), export.loadAverage()));
        if (pds.measurable()) {
            rows.add(Row.of("resident memory after the load (MiB)", "—", "—", pds.rssMib(), PdsProcess.loadAverage()));
        }
    }

    /**
     * Writes records until the probe receives a frame: the PDS adds a consumer to its live feed just after the
     * WebSocket handshake, and a commit made in between never reaches the probe.
     */
    private static void awaitLive(FirehoseProbe firehose, XrpcClient xrpc, Account warm) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; firehose.frames() == 0; i++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the firehose probe received no frame in 30 s");
            }
            warm.createPost(xrpc, -1 - i);
            Thread.sleep(100);
        }
    }

    private LoadRun.Result exports(PdsProcess pds, XrpcClient xrpc, Account account) throws Exception {
        LoadRun.run(pds, 3, 1, (c, i) -> xrpc.queryBytes(GET_REPO, Map.of("did", account.did), Optional.empty()));
        return LoadRun.run(pds, 15, 1, (c, i) -> xrpc.queryBytes(GET_REPO, Map.of("did", account.did), Optional.empty()));
    }

    /** createRecord at concurrency 8 into one repository: the main write figure. */
    private Writes concurrency8(PdsProcess pds, Account repo) throws Exception {
        settle(pds);
        progress("createRecord, concurrency 8");
        Writes c8 = createRecords(pds, List.of(repo), options.records, 8);
        threads("createRecord, concurrency 8", c8.run);
        rows.add(Row.rate("createRecord/s, 1 repo, concurrency 8", "≥ 1,250", "≈ 125", c8.run));
        rows.add(Row.latency("createRecord p50 / p95 (ms), concurrency 8", "—", "53 / —", c8.run));
        return c8;
    }

    /** Writes {@code total} posts, client {@code c} into {@code repos[c % repos.size()]}. */
    private Writes createRecords(PdsProcess pds, List<Account> repos, int total, int concurrency) throws Exception {
        Map<Cid, Long> answered = new ConcurrentHashMap<>();
        try (KeepAliveConnections connections = new KeepAliveConnections(pds.url(), concurrency)) {
            LoadRun.Result run = LoadRun.run(pds, total, concurrency, (c, i) -> {
                Account a = repos.get(c % repos.size());
                MapValue out = a.createPost(connections, c, i);
                long now = System.nanoTime();
                answered.put(Cid.parse(out.getMap("commit").orElseThrow().getString("cid").orElseThrow()), now);
            });
            return new Writes(run, answered);
        }
    }

    /** A write run and when each of its commits was answered. */
    private record Writes(LoadRun.Result run, Map<Cid, Long> answered) {
        /** Response-to-frame delays; a frame that came before the response counts as 0. */
        Latencies delays(Map<Cid, Long> arrivals) {
            long[] d = answered.entrySet().stream().filter(e -> arrivals.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, arrivals.get(e.getKey()) - e.getValue())).toArray();
            if (d.length < answered.size()) {
                System.err.println("warning: " + (answered.size() - d.length) + " commits never reached the firehose probe");
            }
            return new Latencies(d);
        }
    }

    private void print() {
        System.out.println();
        System.out.println("| measure | goal | reference PDS | ours | PDS CPU per call (+ JIT) | load generator CPU per call "
                + "| load average |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.markdown()));
        System.out.println();
        System.out.println("Taken " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (options.pds.isPresent() ? "PDS at " + options.pds.get()
                : options.jdbc.isPresent() ? "PostgreSQL (" + options.jdbc.get() + ")" : "embedded H2")
                + "; " + options.records + " records a write run, " + options.reads + " getRecord calls.");
    }

    /**
     * Warm-up rounds, each with every kind of call the measured runs make, on fresh repositories as they use and
     * with a firehose consumer attached as they have (its frames are part of a write's cost): writes at
     * concurrency 1 and 8 into a new repository, writes over 8 repositories, getRecord and listRecords on the new
     * one. Rounds go on until the PDS's JIT compiler takes less than a tenth of the CPU the calls take, or
     * {@value #MAX_WARMUP_ROUNDS} rounds. On 2 cores the JVM's one C2 thread compiles a method only once it has been
     * called some 5,000–15,000 times, the largest (a request's whole path inlined) take it 0.3–0.9 s each, and a path
     * warmed alone is compiled again when another kind of call changes its profile: after a fixed warm-up of 2,000
     * writes the compiler still spent 0.6–1.3 ms of CPU per measured createRecord. A server that has been up a while
     * has done that work once, and the figures are meant to be its steady state. For a PDS whose compiler's threads
     * are not told apart (the reference, on Node), rounds go on until createRecord at concurrency 8 stops getting
     * faster (less than 5 % over the round before).
     *
     * @return the last round's repository
     */
    private Account warmUp(PdsProcess pds, XrpcClient xrpc, Accounts accounts) throws Exception {
        List<Account> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(accounts.create("wm" + i));
        }
        try (FirehoseProbe firehose = new FirehoseProbe(pds.url());
             KeepAliveConnections queries = new KeepAliveConnections(pds.url(), READERS)) {
            double previousRate = 0;
            for (int round = 1; ; round++) {
                Account warm = accounts.create("w" + round);
                List<LoadRun.Result> runs = new ArrayList<>();
                runs.add(createRecords(pds, List.of(warm), options.warmup / 8, 1).run);
                runs.add(createRecords(pds, List.of(warm), options.warmup, 8).run);
                runs.add(createRecords(pds, eight, options.warmup / 2, 8).run);
                runs.add(LoadRun.run(pds, options.warmup, READERS,
                        (c, i) -> warm.getRecord(queries, c, warm.keys.get(i % warm.keys.size()))));
                runs.add(LoadRun.run(pds, options.warmup / 4, READERS, (c, i) -> warm.listRecords(queries, c, 50)));
                runs.add(exports(pds, xrpc, warm));
                double work = runs.stream().mapToDouble(r -> r.cpuMsPerCall() * r.calls()).sum();
                double jit = runs.stream().mapToDouble(r -> r.jitMsPerCall() * r.calls()).sum();
                progress(String.format("warm-up round %d: createRecord at concurrency 8 %.0f/s; PDS CPU %.1f s, its JIT compiler %.1f s",
                        round, runs.get(1).perSecond(), work / 1000, jit / 1000));
                double rate = runs.get(1).perSecond();
                boolean settled = Double.isNaN(jit) || !pds.separatesJit()
                        ? round >= 2 && rate < 1.05 * previousRate
                        : jit < 0.1 * work;
                if (settled || round >= MAX_WARMUP_ROUNDS) {
                    return warm;
                }
                previousRate = rate;
            }
        }
    }

    /**
     * Lets the PDS finish what the previous run left it (above all the JIT compiler's queue) before a measured run,
     * as a server that has been up a while would have: waits until it uses under 5 % of a core, 90 s at most.
     */
    private static final int MAX_WARMUP_ROUNDS = 12;
    private static final Nsid GET_REPO = Nsid.parse("com.atproto.sync.getRepo");

    private static void settle(PdsProcess pds) throws InterruptedException {
        Duration took = pds.awaitQuiet(0.05, Duration.ofSeconds(90));
        progress(String.format("the PDS was quiet after %.1f s", took.toMillis() / 1000.0));
    }

    /** Prints the PDS's CPU per call of a run by thread (ms), so that a run says where its CPU went. */
    private static void threads(String what, LoadRun.Result run) {
        if (run.pdsCpu() != null) {
            progress(what + ": PDS CPU per call by thread (ms): " + run.pdsCpu().perCall(run.calls()));
        }
    }

    private static void progress(String what) {
        System.err.println("[bench-pds] " + what + " (load average " + PdsProcess.loadAverage() + ")");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One line of the table. */
    private record Row(String measure, String goal, String reference, String ours, String cpu, String generatorCpu,
                       double load) {
        static Row of(String measure, String goal, String reference, double value, double load) {
            return new Row(measure, goal, reference, format(value), "", "", load);
        }

        static Row of(String measure, String goal, String reference, Latencies l, double load) {
            return new Row(measure, goal, reference, format(l.percentileMs(50)) + " / " + format(l.percentileMs(95)), "", "",
                    load);
        }

        static Row rate(String measure, String goal, String reference, LoadRun.Result r) {
            return new Row(measure, goal, reference, format(r.perSecond()), cpu(r), format(r.generatorMsPerCall()) + " ms",
                    r.loadAverage());
        }

        static Row latency(String measure, String goal, String reference, LoadRun.Result r) {
            return new Row(measure, goal, reference, format(r.latencies().percentileMs(50)) + " / "
                    + format(r.latencies().percentileMs(95)), "", "", r.loadAverage());
        }

        private static String cpu(LoadRun.Result r) {
            return Double.isNaN(r.cpuMsPerCall()) ? "" : format(r.cpuMsPerCall()) + " ms (+ " + format(r.jitMsPerCall()) + ")";
        }

        private static String format(double v) {
            if (Double.isNaN(v)) {
                return "—";
            }
            return v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        }

        String markdown() {
            return "| " + measure + " | " + goal + " | " + reference + " | " + ours + " | " + cpu + " | " + generatorCpu
                    + " | " + String.format("%.1f", load) + " |";
        }
    }

    /** The command line. */
    private record Options(Path java, Path jar, Path workDir, List<String> jvmOptions, Optional<String> jdbc, String dbUser,
                           String dbPassword, String dbSchema, Optional<URI> pds, OptionalLong pid, int records, int warmup, int reads,
                           Duration idleSettle, boolean keepData, boolean writesOnly) {
        static Options parse(String[] args) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path jar = Path.of("platform-app/target/skein.jar");
            Path work = Path.of("target/bench-pds");
            List<String> jvm = new ArrayList<>();
            Optional<String> jdbc = Optional.empty();
            String user = "postgres";
            String password = "";
            String schema = "bench_" + Long.toHexString(System.nanoTime());
            Optional<URI> pds = Optional.empty();
            OptionalLong pid = OptionalLong.empty();
            int records = 2000;
            int warmup = 2000;
            int reads = 8000;
            long settle = 10;
            boolean keep = false;
            boolean writesOnly = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--jar" -> jar = Path.of(args[++i]);
                    case "--work-dir" -> work = Path.of(args[++i]);
                    case "--jvm" -> jvm.addAll(Arrays.asList(args[++i].trim().split("\\s+")));
                    case "--jdbc" -> jdbc = Optional.of(args[++i]);
                    case "--db-user" -> user = args[++i];
                    case "--db-password" -> password = args[++i];
                    case "--db-schema" -> schema = args[++i];
                    case "--pds" -> pds = Optional.of(URI.create(args[++i]));
                    case "--pid" -> pid = OptionalLong.of(Long.parseLong(args[++i]));
                    case "--records" -> records = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--reads" -> reads = Integer.parseInt(args[++i]);
                    case "--idle-seconds" -> settle = Long.parseLong(args[++i]);
                    case "--keep-data" -> keep = true;
                    case "--writes-only" -> writesOnly = true;
                    default -> throw new IllegalArgumentException("unknown argument " + a + "; see scripts/bench-pds.sh");
                }
            }
            jvm.removeIf(String::isEmpty);
            try {
                Files.createDirectories(work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Options(java, jar, work, List.copyOf(jvm), jdbc, user, password, schema, pds, pid, records, warmup, reads,
                    Duration.ofSeconds(settle), keep, writesOnly);
        }
    }
}
