package dev.skein.relay.load;

import dev.skein.core.crypto.Curve;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.syntax.Did;
import dev.skein.relay.testing.SimAccount;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load generator serves, per host: the backlog (every account's first commit, then the commits of the
 * throughput run, round-robin) and the live commits of the latency run, each frame encoded with its seq on that
 * host; and the accounts, from which their DID documents are made once the hosts' URLs are known. Generating it
 * signs every commit, so it can be kept in a directory and read back by later runs with the same options.
 */
record LoadData(List<List<byte[]>> backlog, List<List<byte[]>> live, List<Account> accounts) {
    /** An account's identity and the host (index) it lives on. */
    record Account(Did did, String handle, String multibase, int host) {
        DidDocument document(String pdsUrl) {
            return SimAccount.document(did, handle, multibase, pdsUrl);
        }
    }

    int backlogFrames() {
        return backlog.stream().mapToInt(List::size).sum();
    }

    long backlogBytes() {
        return backlog.stream().flatMap(List::stream).mapToLong(f -> f.length).sum();
    }

    /** Generates the data, one thread per host. */
    static LoadData generate(LoadOptions o) throws InterruptedException {
        int hosts = o.hosts();
        List<List<byte[]>> backlog = new ArrayList<>();
        List<List<byte[]>> live = new ArrayList<>();
        List<List<Account>> accounts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int liveTotal = o.latencyRate() * o.latencySeconds();
        for (int h = 0; h < hosts; h++) {
            List<byte[]> b = new ArrayList<>();
            List<byte[]> l = new ArrayList<>();
            List<Account> a = new ArrayList<>();
            backlog.add(b);
            live.add(l);
            accounts.add(a);
            int host = h;
            int mine = o.commits() / hosts + (h < o.commits() % hosts ? 1 : 0);
            int mineLive = liveTotal / hosts + (h < liveTotal % hosts ? 1 : 0);
            threads.add(Thread.ofPlatform().start(() -> {
                List<LoadAccount> list = new ArrayList<>();
                for (int i = 0; i < o.accountsPerHost(); i++) {
                    SimAccount acc = new SimAccount("load-" + host + "-" + i, "https://pds.invalid", i % 2 == 0 ? Curve.K256 : Curve.P256);
                    a.add(new Account(acc.did(), acc.handle(), acc.key().publicKey().multibase(), host));
                    LoadAccount load = new LoadAccount(acc, host * 1_000_003L + i);
                    list.add(load);
                    RepoCommit first = load.first();
                    b.add(first.toEvent(b.size() + 1, RelayLoadGenerator.TIME).encode());
                }
                for (int i = 0; i < mine; i++) {
                    RepoCommit c = list.get(i % list.size()).next();
                    b.add(c.toEvent(b.size() + 1, RelayLoadGenerator.TIME).encode());
                }
                for (int i = 0; i < mineLive; i++) {
                    RepoCommit c = list.get(i % list.size()).next();
                    l.add(c.toEvent(b.size() + l.size() + 1, RelayLoadGenerator.TIME).encode());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new LoadData(backlog, live, accounts.stream().flatMap(List::stream).toList());
    }

    /** The data kept in {@code dir} for these options, or {@code null} when there is none. */
    static LoadData load(Path dir, LoadOptions o) throws IOException {
        if (!Files.exists(dir.resolve("options.txt")) || !Files.readString(dir.resolve("options.txt")).equals(key(o))) {
            return null;
        }
        List<List<byte[]>> backlog = new ArrayList<>();
        List<List<byte[]>> live = new ArrayList<>();
        for (int h = 0; h < o.hosts(); h++) {
            backlog.add(readFrames(dir.resolve("host-" + h + "-backlog.bin")));
            live.add(readFrames(dir.resolve("host-" + h + "-live.bin")));
        }
        List<Account> accounts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("accounts.txt"))) {
            String[] f = line.split(" ");
            accounts.add(new Account(new Did(f[0]), f[1], f[2], Integer.parseInt(f[3])));
        }
        return new LoadData(backlog, live, accounts);
    }

    void save(Path dir, LoadOptions o) throws IOException {
        Files.createDirectories(dir);
        for (int h = 0; h < backlog.size(); h++) {
            writeFrames(dir.resolve("host-" + h + "-backlog.bin"), backlog.get(h));
            writeFrames(dir.resolve("host-" + h + "-live.bin"), live.get(h));
        }
        StringBuilder sb = new StringBuilder();
        for (Account a : accounts) {
            sb.append(a.did().value()).append(' ').append(a.handle()).append(' ').append(a.multibase()).append(' ')
                    .append(a.host()).append('\n');
        }
        Files.writeString(dir.resolve("accounts.txt"), sb);
        Files.writeString(dir.resolve("options.txt"), key(o));
    }

    private static String key(LoadOptions o) {
        // The live commits are the same whatever rate they are later sent at: only their number counts.
        return o.hosts() + " " + o.accountsPerHost() + " " + o.commits() + " " + o.latencyRate() * o.latencySeconds();
    }

    private static void writeFrames(Path file, List<byte[]> frames) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            for (byte[] f : frames) {
                out.writeInt(f.length);
                out.write(f);
            }
        }
    }

    private static List<byte[]> readFrames(Path file) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            while (true) {
                int n;
                try {
                    n = in.readInt();
                } catch (EOFException e) {
                    return frames;
                }
                frames.add(in.readNBytes(n));
            }
        }
    }
}
