package dev.skein.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.app.Role;
import dev.skein.app.SkeinProperties;
import dev.skein.pds.PdsProperties;
import dev.skein.plc.PlcProperties;
import dev.skein.relay.RelayProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run {@code docker-compose.yml}, so this checks what can be checked without
 * one: every variable it interpolates is in {@code .env.example}; every environment variable it gives a Skein
 * service is a setting the application binds, to the value written (checked by binding it); each service's
 * published port, health check and volume match its role; every dependency waits for a health check; and
 * {@code scripts/cluster-local.sh} uses the same variables and gives each role the same settings.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::?[-?][^}]*)?}");
    private static final Pattern SCRIPT_SETTING = Pattern.compile("\\b((?:SKEIN|SERVER)_[A-Z0-9_]+)=");

    /** The settings a Skein service may be given, each read back from what the application binds. */
    private record Bound(StandardEnvironment env, SkeinProperties skein, PdsProperties pds, RelayProperties relay, PlcProperties plc) {}

    private static final Map<String, Function<Bound, Object>> BINDINGS = bindings();

    private static Map<String, Function<Bound, Object>> bindings() {
        Map<String, Function<Bound, Object>> b = new LinkedHashMap<>();
        b.put("SKEIN_ROLES", x -> x.skein().roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")));
        b.put("SKEIN_DATA_DIR", x -> x.skein().dataDir());
        b.put("SERVER_ADDRESS", x -> x.env().getProperty("server.address"));
        b.put("SKEIN_ADMIN_PASSWORD", x -> x.env().getProperty("skein.admin.password"));
        for (Role r : Role.values()) {
            b.put("SKEIN_PORTS_" + r.name(), x -> x.skein().port(r));
        }
        b.put("SKEIN_PLC_DATASOURCE_URL", x -> x.plc().datasource().url());
        b.put("SKEIN_PLC_DATASOURCE_USERNAME", x -> x.plc().datasource().username());
        b.put("SKEIN_PLC_DATASOURCE_PASSWORD", x -> x.plc().datasource().password());
        b.put("SKEIN_PLC_DATASOURCE_SCHEMA", x -> x.plc().datasource().schema());
        b.put("SKEIN_PDS_HOSTNAME", x -> x.pds().hostname());
        b.put("SKEIN_PDS_PUBLIC_URL", x -> x.pds().publicUrl());
        b.put("SKEIN_PDS_HANDLE_DOMAINS", x -> String.join(",", x.pds().handleDomains()));
        b.put("SKEIN_PDS_PLC_URL", x -> x.pds().plcUrl());
        b.put("SKEIN_PDS_CRAWLERS", x -> x.pds().crawlers().stream().map(Object::toString).collect(Collectors.joining(",")));
        b.put("SKEIN_PDS_DATASOURCE_URL", x -> x.pds().datasource().url());
        b.put("SKEIN_PDS_DATASOURCE_USERNAME", x -> x.pds().datasource().username());
        b.put("SKEIN_PDS_DATASOURCE_PASSWORD", x -> x.pds().datasource().password());
        b.put("SKEIN_PDS_DATASOURCE_SCHEMA", x -> x.pds().datasource().schema());
        b.put("SKEIN_RELAY_PLC_URL", x -> x.relay().plcUrl());
        b.put("SKEIN_RELAY_HOSTS", x -> String.join(",", x.relay().hosts()));
        b.put("SKEIN_RELAY_ALLOW_INSECURE_HOSTS", x -> x.relay().allowInsecureHosts());
        b.put("SKEIN_RELAY_DATASOURCE_URL", x -> x.relay().datasource().url());
        b.put("SKEIN_RELAY_DATASOURCE_USERNAME", x -> x.relay().datasource().username());
        b.put("SKEIN_RELAY_DATASOURCE_PASSWORD", x -> x.relay().datasource().password());
        b.put("SKEIN_RELAY_DATASOURCE_SCHEMA", x -> x.relay().datasource().schema());
        return b;
    }

    private static Bound bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        Binder binder = Binder.get(env);
        return new Bound(env, binder.bindOrCreate("skein", SkeinProperties.class), binder.bindOrCreate("skein.pds", PdsProperties.class),
                binder.bindOrCreate("skein.relay", RelayProperties.class), binder.bindOrCreate("skein.plc", PlcProperties.class));
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher m = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$").matcher(line);
            if (m.matches()) {
                vars.put(m.group(1), m.group(2));
            }
        }
        return vars;
    }

    /** The compose file as Compose reads it with {@code .env.example} as {@code .env}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        Map<String, String> vars = envExample();
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        String interpolated = VARIABLE.matcher(text.replace("$$", "\u0000")).replaceAll(m -> Matcher.quoteReplacement(
                vars.getOrDefault(m.group(1), ""))).replace("\u0000", "$");
        return new Yaml().load(interpolated);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    @Test
    void everyInterpolatedVariableIsInTheEnvExampleAndEveryExampleVariableIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> example = envExample().keySet();
        assertThat(example).containsAll(used);
        String script = Files.readString(ROOT.resolve("scripts/cluster-local.sh"));
        for (String v : example) {
            assertThat(used.contains(v) || script.contains(v)).as(v + " is used by the compose file or cluster-local.sh").isTrue();
        }
        for (String v : example) {
            if (!v.equals("SKEIN_IMAGE") && !v.equals("SKEIN_BIND_ADDRESS")) {
                assertThat(script).as("cluster-local.sh reads " + v).contains("$" + v).doesNotContain(v + "=" + envExample().get(v));
            }
        }
    }

    @Test
    void theClusterIsTheDatabasePlcTwoPdsesAndTheRelayEachOnTheSameImage() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsOnlyKeys("db", "plc", "pds1", "pds2", "relay");
        assertThat(services.get("db").get("image")).isEqualTo("pgvector/pgvector:pg17");
        for (String name : List.of("plc", "pds1", "pds2", "relay")) {
            Map<String, Object> s = services.get(name);
            assertThat(s.get("image")).isEqualTo(envExample().get("SKEIN_IMAGE"));
            assertThat(s.get("build")).isEqualTo(".");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySettingOfEverySkeinServiceIsBoundAsWritten() throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : services().entrySet()) {
            Map<String, Object> env = environment(e.getValue());
            if (!env.containsKey("SKEIN_ROLES")) {
                continue;
            }
            Bound bound = bind(env);
            for (Map.Entry<String, Object> setting : env.entrySet()) {
                assertThat(BINDINGS).as(e.getKey() + ": " + setting.getKey() + " is a setting Skein binds").containsKey(setting.getKey());
                assertThat(String.valueOf(BINDINGS.get(setting.getKey()).apply(bound)))
                        .as(e.getKey() + ": " + setting.getKey()).isEqualTo(String.valueOf(setting.getValue()));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void portsHealthChecksVolumesAndDependenciesMatchEachServicesRole() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Map<String, Object> s = e.getValue();
            Map<String, Object> env = environment(s);
            if (env.containsKey("SKEIN_ROLES")) {
                Set<Role> roles = bind(env).skein().roles();
                assertThat(roles).as(e.getKey() + " runs one role").hasSize(1);
                int port = bind(env).skein().port(roles.iterator().next());
                assertThat((List<String>) s.get("ports")).singleElement().asString().endsWith(":" + port);
                String health = String.join(" ", (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test"));
                assertThat(health).as(e.getKey() + " health check").contains("/dev/tcp/127.0.0.1/" + port + " ").contains("GET /actuator/health ");
                assertThat((List<String>) s.get("volumes")).singleElement().asString().endsWith(":/var/lib/skein");
            }
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) s.getOrDefault("depends_on", Map.of());
            dependsOn.forEach((other, condition) -> {
                assertThat(condition).as(e.getKey() + " waits for " + other).containsEntry("condition", "service_healthy");
                assertThat(services.get(other)).as(other + " has a health check").containsKey("healthcheck");
            });
        }
        assertThat(((Map<String, Object>) services.get("relay").get("depends_on")).keySet()).contains("plc", "pds1", "pds2");
        assertThat(String.valueOf(environment(services.get("relay")).get("SKEIN_RELAY_HOSTS"))).isEqualTo("pds1:2583,pds2:2583");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("SKEIN_DATA_DIR=/var/lib/skein");
    }

    @Test
    void clusterLocalGivesEachRoleTheComposeServicesSettings() throws IOException {
        String whole = Files.readString(ROOT.resolve("scripts/cluster-local.sh"));
        String script = whole.substring(whole.indexOf("settings_of() {"));
        Map<String, Map<String, Object>> services = services();
        for (String role : List.of("plc", "pds1", "pds2", "relay")) {
            String block = script.substring(script.indexOf(role.startsWith("pds") ? "    pds1 | pds2)" : "    " + role + ")"));
            block = block.substring(0, block.indexOf(";;"));
            String common = script.substring(script.indexOf("local common=("));
            block = common.substring(0, common.indexOf('\n')) + block;
            Set<String> scriptSettings = new TreeSet<>();
            Matcher m = SCRIPT_SETTING.matcher(block);
            while (m.find()) {
                scriptSettings.add(m.group(1));
            }
            Set<String> composeSettings = new TreeSet<>(environment(services.get(role)).keySet());
            assertThat(scriptSettings).as("cluster-local.sh " + role).containsAll(composeSettings);
            scriptSettings.removeAll(composeSettings);
            assertThat(scriptSettings).as("what only the loopback cluster sets: its port, address and data folder (the image's own)")
                    .allMatch(s -> s.startsWith("SKEIN_PORTS_") || s.equals("SERVER_ADDRESS") || s.equals("SKEIN_DATA_DIR"));
            assertThat(BINDINGS.keySet()).containsAll(scriptSettings);
        }
        assertThat(script).contains("SERVER_ADDRESS=\"$SKEIN_BIND_ADDRESS\"", "SKEIN_DATA_DIR=\"$dir/$1\"", "SKEIN_ADMIN_PASSWORD=\"$SKEIN_ADMIN_PASSWORD\"");
    }

    @Test
    void theDockerfileBuildsWithTheWrapperAndRunsAsANonRootUserOnEveryInterface() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count()).isEqualTo(2);
        assertThat(dockerfile).contains("./mvnw ", "-pl platform-app -am package", "USER skein", "SERVER_ADDRESS=0.0.0.0",
                "VOLUME [\"/var/lib/skein\"]", "COPY --from=build /src/platform-app/target/skein.jar");
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains("/.env\n");
    }
}
