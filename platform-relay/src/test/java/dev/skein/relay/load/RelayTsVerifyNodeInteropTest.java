package dev.skein.relay.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.crypto.Curve;
import dev.skein.core.repo.RepoCommit;
import dev.skein.relay.testing.SimAccount;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TypeScript side of the relay benchmark ({@code interop-node/relay-ts-verify.mjs}) on a small dump of the load
 * generator's commits: {@code @atproto/sync}'s Firehose authenticates every commit and every operation (creates,
 * updates and deletes with their proofs), so the comparison times real verification of the same frames.
 */
@RequiresNode
class RelayTsVerifyNodeInteropTest {
    @TempDir
    Path dir;

    @Test
    void theFirehoseVerifiesEveryDumpedCommit() throws Exception {
        List<List<byte[]>> frames = new ArrayList<>();
        List<SimAccount> accounts = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            List<byte[]> host = new ArrayList<>();
            List<LoadAccount> mine = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                SimAccount acc = new SimAccount("ts-" + h + "-" + a, "https://pds" + h + ".test", a % 2 == 0 ? Curve.K256 : Curve.P256);
                accounts.add(acc);
                LoadAccount load = new LoadAccount(acc, h * 10 + a);
                mine.add(load);
                RepoCommit first = load.first();
                host.add(first.toEvent(host.size() + 1, RelayLoadGenerator.TIME).encode());
            }
            for (int i = 0; i < 40; i++) {
                RepoCommit c = mine.get(i % mine.size()).next();
                host.add(c.toEvent(host.size() + 1, RelayLoadGenerator.TIME).encode());
            }
            frames.add(host);
        }
        FrameDump.writeFrames(dir, frames, accounts.stream().map(SimAccount::document).toList(), Integer.MAX_VALUE);

        JsonNode meta = JsonMapper.builder().build().readTree(dir.resolve("meta.json").toFile());
        JsonNode out = JsonMapper.builder().build().readTree(NodeInterop.runOk("relay-ts-verify.mjs", null, dir.toString(), "60000"));
        assertThat(out.get("errors")).as("Firehose errors").isEmpty();
        assertThat(meta.get("commitsWithOps").asInt()).isEqualTo(80);
        assertThat(out.get("verifiedCommits").asInt()).isEqualTo(80);
        assertThat(out.get("verifiedOps").asInt()).isEqualTo(meta.get("ops").asInt());
        assertThat(out.get("commitsPerSecond").asDouble()).isPositive();
    }
}
