package dev.skein.relay.load;

import java.nio.file.Path;

/** The load generator's options, from {@code --name value} arguments. */
record LoadOptions(int hosts, int accountsPerHost, int commits, int consumers, int latencyRate, int latencySeconds,
                   Path dump, int dumpFrames, boolean dumpOnly, Path cache) {
    static LoadOptions parse(String[] args) {
        LoadOptions o = new LoadOptions(4, 500, 300_000, 100, 1_000, 10, null, 20_000, false, null);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--dump-only")) {
                o = new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, o.latencyRate, o.latencySeconds,
                        o.dump, o.dumpFrames, true, o.cache);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            o = switch (name) {
                case "--hosts" -> new LoadOptions(Integer.parseInt(v), o.accountsPerHost, o.commits, o.consumers, o.latencyRate,
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--accounts" -> new LoadOptions(o.hosts, Integer.parseInt(v), o.commits, o.consumers, o.latencyRate,
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--commits" -> new LoadOptions(o.hosts, o.accountsPerHost, Integer.parseInt(v), o.consumers, o.latencyRate,
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--consumers" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, Integer.parseInt(v), o.latencyRate,
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--latency-rate" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, Integer.parseInt(v),
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--latency-seconds" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, o.latencyRate,
                        Integer.parseInt(v), o.dump, o.dumpFrames, o.dumpOnly, o.cache);
                case "--dump" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, o.latencyRate,
                        o.latencySeconds, Path.of(v), o.dumpFrames, o.dumpOnly, o.cache);
                case "--dump-frames" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, o.latencyRate,
                        o.latencySeconds, o.dump, Integer.parseInt(v), o.dumpOnly, o.cache);
                case "--cache" -> new LoadOptions(o.hosts, o.accountsPerHost, o.commits, o.consumers, o.latencyRate,
                        o.latencySeconds, o.dump, o.dumpFrames, o.dumpOnly, Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return o;
    }
}
