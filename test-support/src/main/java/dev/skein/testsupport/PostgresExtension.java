package dev.skein.testsupport;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * JUnit 5 extension that gives a test class a real PostgreSQL database with the {@code vector} extension.
 *
 * <p>Where the server comes from, in order:
 * <ol>
 *   <li>{@code SKEIN_TEST_JDBC_URL} (with {@code SKEIN_TEST_DB_USER}, {@code SKEIN_TEST_DB_PASSWORD}); CI sets
 *       it to the machine's local server, on which {@code scripts/install-pgvector.sh} installed pgvector;</li>
 *   <li>Testcontainers with the {@code pgvector/pgvector} image, where a Docker engine answers;</li>
 *   <li>otherwise each test is skipped with a message saying how to enable it, and under CI it fails.</li>
 * </ol>
 * The server is looked for once per test JVM. Each test class gets a fresh schema, dropped afterwards.
 * Inject {@link PostgresDatabase} into a test method, constructor or {@code @BeforeAll} method.
 */
public final class PostgresExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    public static final String URL_ENV = "SKEIN_TEST_JDBC_URL";
    public static final String USER_ENV = "SKEIN_TEST_DB_USER";
    public static final String PASSWORD_ENV = "SKEIN_TEST_DB_PASSWORD";
    static final String IMAGE = "pgvector/pgvector:pg17";

    private static final int MAX_CLASS_PART = 40;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String NO_SERVER = "No PostgreSQL for this test: set " + URL_ENV
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test on a server where scripts/install-pgvector.sh"
            + " installed pgvector) or run a Docker engine for Testcontainers";
    private static Optional<Server> server;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        Optional<Server> found = server();
        if (found.isEmpty()) {
            if (!TestEnvironment.strict() && beforeAllWantsDatabase(context.getRequiredTestClass())) {
                // Skip the whole class before its @BeforeAll method asks for a database it cannot get: an
                // abort thrown while resolving that parameter would be reported as an error, not a skip.
                TestEnvironment.skipOrFail(NO_SERVER);
            }
            // Otherwise each test is skipped (under CI: fails) on its own in beforeEach, so the report counts
            // every one of them.
            return;
        }
        Server srv = found.get();
        String schema = schemaName(context.getRequiredTestClass());
        try (Connection c = DriverManager.getConnection(srv.url, srv.user, srv.password);
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
            st.execute("CREATE SCHEMA " + schema);
        }
        context.getStore(NS).put(PostgresDatabase.class, new PostgresDatabase(srv.url, srv.user, srv.password, schema));
    }

    /** Skips (under CI: fails) each test when there is no server, so the report counts every one of them. */
    @Override
    public void beforeEach(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        PostgresDatabase db = context.getStore(NS).remove(PostgresDatabase.class, PostgresDatabase.class);
        if (db == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + db.schema() + " CASCADE");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        return database(ec);
    }

    private static PostgresDatabase database(ExtensionContext context) {
        // A method's store falls back to its class's, where beforeAll put the database.
        PostgresDatabase db = context.getStore(NS).get(PostgresDatabase.class, PostgresDatabase.class);
        if (db == null) {
            TestEnvironment.skipOrFail(NO_SERVER);
        }
        return db;
    }

    private static boolean beforeAllWantsDatabase(Class<?> testClass) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(BeforeAll.class)
                        && Arrays.asList(m.getParameterTypes()).contains(PostgresDatabase.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code t_<class>_<random>}: unique per run, readable in the server's logs, made of characters that
     * need no quoting, and short enough that PostgreSQL does not cut it (identifiers end at 63 bytes).
     */
    static String schemaName(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > MAX_CLASS_PART) {
            name = name.substring(0, MAX_CLASS_PART);
        }
        return "t_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private record Server(String url, String user, String password) {}

    private static synchronized Optional<Server> server() {
        if (server == null) {
            server = findServer();
        }
        return server;
    }

    private static Optional<Server> findServer() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return Optional.of(new Server(url, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "")));
        }
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        PostgreSQLContainer c = new PostgreSQLContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("postgres"));
        c.start();
        return Optional.of(new Server(c.getJdbcUrl(), c.getUsername(), c.getPassword()));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null ? dflt : v;
    }
}
