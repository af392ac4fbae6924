package dev.skein.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL database for one test class: connection details plus a schema of its own, created empty
 * before the class and dropped after it, so test classes never see each other's tables.
 *
 * @param jdbcUrl JDBC URL of the server's database (without a schema parameter)
 * @param username user name
 * @param password password (may be empty: the CI server uses trust authentication)
 * @param schema the schema created for this test class
 */
public record PostgresDatabase(String jdbcUrl, String username, String password, String schema) {

    /**
     * The JDBC URL whose search path is this class's schema, then {@code public}: new tables go into the
     * class's schema, while the {@code vector} type and operators, which the extension keeps in
     * {@code public}, still resolve.
     */
    public String schemaUrl() {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    /** Opens a connection with {@link #schemaUrl()}'s search path. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(schemaUrl(), username, password);
    }
}
