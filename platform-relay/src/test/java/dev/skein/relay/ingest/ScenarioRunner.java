package dev.skein.relay.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.car.CarLimits;
import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import dev.skein.relay.identity.IdentityCache;
import dev.skein.relay.testing.FakeDidResolver;
import dev.skein.relay.testing.MemoryAccountStore;
import dev.skein.relay.testing.SimAccount;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs one scenario against an {@link IngestProcessor} with an in-memory PLC directory and PDS ({@code getRepo}),
 * a fixed clock, and resyncs run inline, so that every result of a step is there when the step ends.
 */
final class ScenarioRunner {
    private final FakeDidResolver plc = new FakeDidResolver();
    private final Map<Did, byte[]> repos = new HashMap<>();
    private final List<IngestResult> out = new ArrayList<>();
    private final AccountTable table = new AccountTable(new MemoryAccountStore());
    private final IdentityCache identities;
    private final IngestProcessor processor;

    ScenarioRunner(JsonNode scenario) {
        Clock clock = Clock.fixed(Instant.parse(scenario.get("now").asString()), ZoneOffset.UTC);
        identities = new IdentityCache(plc, Duration.ofDays(1), Duration.ZERO, clock, 100_000);
        // Zero intervals: every refresh and resync the pipeline wants happens at once, so runs are deterministic.
        IngestSettings settings = new IngestSettings(Duration.ofMinutes(5), 1_000, Duration.ZERO, Duration.ZERO, CarLimits.DEFAULT);
        long limit = scenario.path("hostAccountLimit").asLong(100);
        RepoFetcher fetcher = (host, did) -> {
            byte[] car = repos.get(did);
            if (car == null) {
                throw new RepoFetchException(404, host + " does not serve " + did);
            }
            return car;
        };
        processor = new IngestProcessor(table, identities, fetcher, Runnable::run, h -> limit, out::add, settings, clock,
                new IngestMetrics(new SimpleMeterRegistry()));
        for (JsonNode a : scenario.get("accounts")) {
            plc.put(document(a));
        }
    }

    static void run(JsonNode scenario) {
        new ScenarioRunner(scenario).runSteps(scenario);
    }

    private void runSteps(JsonNode scenario) {
        int i = 0;
        for (JsonNode step : scenario.get("steps")) {
            String where = "step " + i++ + " (" + step.get("note").asString() + ")";
            out.clear();
            FirehoseFrame input = null;
            if (step.has("frame")) {
                byte[] bytes = Base64.getDecoder().decode(step.get("frame").get("bytes").asString());
                input = decodeOrNull(bytes);
                processor.process(Host.parse(step.get("frame").get("host").asString()), bytes);
            } else if (step.has("identity")) {
                plc.put(document(step.get("identity")));
            } else if (step.has("tombstone")) {
                Did did = new Did(step.get("tombstone").get("did").asString());
                plc.remove(did);
                // As if the cached document had expired.
                identities.purge(did);
            } else if (step.has("repo")) {
                repos.put(new Did(step.get("repo").get("did").asString()),
                        Base64.getDecoder().decode(step.get("repo").get("car").asString()));
            } else if (step.has("takedown")) {
                processor.setTakedown(new Did(step.get("takedown").get("did").asString()),
                        step.get("takedown").get("takenDown").asBoolean());
            }
            JsonNode expect = step.path("expect");
            assertThat(out).as(where + ": results " + out).hasSize(expect.size());
            for (int k = 0; k < expect.size(); k++) {
                check(where + ", result " + k, expect.get(k), out.get(k), k == 0 ? input : null);
            }
        }
        for (JsonNode f : scenario.path("final")) {
            AccountState s = table.get(new Did(f.get("did").asString()));
            String where = "final state of " + f.get("did").asString();
            assertThat(s).as(where).isNotNull();
            if (f.has("rev")) {
                assertThat(s.rev()).as(where + ": rev").hasToString(f.get("rev").asString());
                assertThat(s.data()).as(where + ": data").hasToString(f.get("data").asString());
            }
            assertThat(s.status().wire()).as(where + ": status").isEqualTo(f.get("status").asString());
            assertThat(s.sync().name().toLowerCase()).as(where + ": sync").isEqualTo(f.get("sync").asString());
        }
    }

    private static void check(String where, JsonNode e, IngestResult r, FirehoseFrame input) {
        String kind = switch (r) {
            case IngestResult.Passed p -> "passed";
            case IngestResult.Dropped d -> "dropped";
            case IngestResult.Deferred d -> "deferred";
        };
        assertThat(kind).as(where + ": " + r).isEqualTo(e.get("result").asString());
        if (r instanceof IngestResult.Dropped d) {
            assertThat(d.reason().metricTag()).as(where + ": " + d.detail()).isEqualTo(e.get("reason").asString());
        }
        if (r instanceof IngestResult.Passed p) {
            assertThat(p.event().type()).as(where).isEqualTo(e.get("type").asString());
            switch (p.event()) {
                case CommitEvent c -> assertThat(c).as(where + ": a commit passes unchanged").isEqualTo(input);
                case SyncEvent s -> {
                    if (e.has("rev")) {
                        assertThat(s.rev().value()).as(where + ": #sync rev").isEqualTo(e.get("rev").asString());
                    } else {
                        assertThat(s).as(where + ": a #sync passes unchanged").isEqualTo(input);
                    }
                }
                case AccountEvent a -> {
                    assertThat(a.active()).as(where + ": active").isEqualTo(e.get("active").asBoolean());
                    assertThat(a.status()).as(where + ": status").isEqualTo(e.get("status").isNull() ? null : e.get("status").asString());
                }
                case IdentityEvent i -> assertThat(i.handle() == null ? null : i.handle().value()).as(where + ": handle")
                        .isEqualTo(e.get("handle").isNull() ? null : e.get("handle").asString());
                default -> throw new AssertionError(where + ": unexpected " + p.event());
            }
        }
    }

    private static FirehoseFrame decodeOrNull(byte[] bytes) {
        try {
            return FirehoseFrame.decode(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static dev.skein.core.identity.DidDocument document(JsonNode a) {
        return SimAccount.document(new Did(a.get("did").asString()), text(a, "handle"), text(a, "key"), text(a, "pds"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
