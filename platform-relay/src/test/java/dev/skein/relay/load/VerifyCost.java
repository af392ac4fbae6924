package dev.skein.relay.load;

import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.repo.Commit;
import dev.skein.core.repo.CommitVerifier;
import dev.skein.core.syntax.Did;
import dev.skein.relay.ingest.UpstreamFrame;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relay's pure verification cost per commit, on one thread, with nothing else running in the JVM: the load
 * generator's cached commits decoded, verified ({@link CommitVerifier}: CAR, signature, inversion) and located
 * ({@link UpstreamFrame}), each step timed in thread CPU over several passes (the first ones warm the JIT up).
 * Run by hand: {@code java -cp ... dev.skein.relay.load.VerifyCost <cache dir> [passes]}; the cache directory is
 * one the load generator wrote ({@code target/bench-relay/cache-100000-500}, 4 hosts and 500 accounts each).
 */
public final class VerifyCost {
    private VerifyCost() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LoadOptions o = LoadOptions.parse(new String[] {"--hosts", "4", "--accounts", "500", "--commits", "100000"});
        LoadData data = LoadData.load(dir, o);
        if (data == null) {
            throw new IllegalArgumentException("no cached commits for 4 hosts, 500 accounts, 100000 commits in " + dir);
        }
        Map<Did, PublicKey> keys = new HashMap<>();
        for (LoadData.Account a : data.accounts()) {
            keys.put(a.did(), Multikey.parse(a.multibase()));
        }
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; ; i++) {
            boolean any = false;
            for (List<byte[]> host : data.backlog()) {
                if (i < host.size()) {
                    frames.add(host.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < passes; pass++) {
            long decode = 0;
            long car = 0;
            long sig = 0;
            long verify = 0;
            long locate = 0;
            int commits = 0;
            for (byte[] f : frames) {
                long t0 = mx.getCurrentThreadCpuTime();
                FirehoseFrame frame = FirehoseFrame.decode(f);
                long t1 = mx.getCurrentThreadCpuTime();
                decode += t1 - t0;
                if (!(frame instanceof CommitEvent c)) {
                    continue;
                }
                commits++;
                PublicKey key = keys.get(c.repo());
                long t2 = mx.getCurrentThreadCpuTime();
                CarContents contents = CarReader.readAll(c.blocks(), CarLimits.COMMIT_SLICE, CidVerification.VERIFY);
                long t3 = mx.getCurrentThreadCpuTime();
                if (!Commit.fromBytes(contents.get(c.commit())).verify(key)) {
                    throw new IllegalStateException("bad signature in the cache");
                }
                long t4 = mx.getCurrentThreadCpuTime();
                CommitVerifier.verify(c, key);
                long t5 = mx.getCurrentThreadCpuTime();
                UpstreamFrame.locate(f, c);
                long t6 = mx.getCurrentThreadCpuTime();
                car += t3 - t2;
                sig += t4 - t3;
                verify += t5 - t4;
                locate += t6 - t5;
            }
            System.out.printf("pass %d: %d frames, %d commits; us per commit: decode %.1f, CAR read %.1f, commit parse +"
                    + " signature %.1f, CommitVerifier.verify (all of it) %.1f, locate seq %.1f%n", pass, frames.size(),
                    commits, decode / 1e3 / commits, car / 1e3 / commits, sig / 1e3 / commits, verify / 1e3 / commits,
                    locate / 1e3 / commits);
        }
    }
}
