package dev.skein.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster as separate processes on PostgreSQL, as {@code scripts/cluster-local.sh} and the compose file run
 * it: the PLC directory, two PDSes and the relay, each {@code java -jar skein.jar} with one role, its own
 * schema and data folder, on random ports, sharing one admin password from the environment; then the agent
 * exchange ({@link AgentExchange}) from an agent on the first PDS to one on the second and back.
 */
@RequiresPostgres
class ClusterProcessesIT {

    @Test
    void agentsOnTwoPdsProcessesTalkThroughTheRelayProcess(PostgresDatabase db, @TempDir Path work) throws Exception {
        String prefix = db.schema() + "_";
        Map<String, String> env = Map.of("SKEIN_ADMIN_PASSWORD", "cluster-" + UUID.randomUUID());
        List<SkeinProcess> processes = new ArrayList<>();
        try {
            SkeinProcess plc = start(processes, "plc", work, env, "--skein.roles=plc",
                    datasource("plc", db, prefix + "plc"));
            URI plcUrl = plc.awaitUrl("plc");
            SkeinProcess pds1 = start(processes, "pds1", work, env, "--skein.roles=pds", "--skein.pds.plc-url=" + plcUrl,
                    "--skein.pds.handle-domains=.one.test", "--skein.pds.password-hash-cost=14", datasource("pds", db, prefix + "pds1"));
            SkeinProcess pds2 = start(processes, "pds2", work, env, "--skein.roles=pds", "--skein.pds.plc-url=" + plcUrl,
                    "--skein.pds.handle-domains=.two.test", "--skein.pds.password-hash-cost=14", datasource("pds", db, prefix + "pds2"));
            URI one = pds1.awaitUrl("pds");
            URI two = pds2.awaitUrl("pds");
            SkeinProcess relay = start(processes, "relay", work, env, "--skein.roles=relay", "--skein.relay.plc-url=" + plcUrl,
                    "--skein.relay.hosts=localhost:" + one.getPort() + ",localhost:" + two.getPort(),
                    "--skein.relay.allow-insecure-hosts=true", datasource("relay", db, prefix + "relay"));
            URI relayUrl = relay.awaitUrl("relay");

            new AgentExchange(one, two, relayUrl, plcUrl).run();

            for (SkeinProcess p : processes) {
                assertThat(p.output()).as("a password from the environment is never printed").noneMatch(l -> l.contains(env.get("SKEIN_ADMIN_PASSWORD")));
            }
        } finally {
            for (SkeinProcess p : processes.reversed()) {
                p.close();
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement()) {
                for (String schema : List.of("plc", "pds1", "pds2", "relay")) {
                    s.execute("DROP SCHEMA IF EXISTS " + prefix + schema + " CASCADE");
                }
            }
        }
    }

    private static SkeinProcess start(List<SkeinProcess> processes, String name, Path work, Map<String, String> env,
                                      String... args) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--skein.data-dir=" + dir.resolve("data")));
        for (String a : args) {
            all.addAll(List.of(a.split("\n")));
        }
        SkeinProcess p = SkeinProcess.start(name, dir, env, all.toArray(String[]::new));
        processes.add(p);
        return p;
    }

    /** The datasource arguments of a role, one per line (split by {@link #start}). */
    private static String datasource(String role, PostgresDatabase db, String schema) {
        String p = "--skein." + role + ".datasource.";
        return p + "url=" + db.jdbcUrl() + "\n" + p + "username=" + db.username() + "\n" + p + "password=" + db.password()
                + "\n" + p + "schema=" + schema;
    }
}
