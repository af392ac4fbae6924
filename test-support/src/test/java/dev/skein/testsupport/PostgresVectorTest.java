package dev.skein.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database {@link PostgresExtension} gives: pgvector works in it, and it is the class's own schema. */
@RequiresPostgres
class PostgresVectorTest {

    @Test
    void ordersRowsByEuclideanDistanceWithAnHnswIndex(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE memory (id int PRIMARY KEY, embedding vector(3) NOT NULL)");
            st.execute("INSERT INTO memory VALUES (1, '[0,0,0]'), (2, '[1,1,1]'), (3, '[5,5,5]'), (4, '[1,1,2]')");
            st.execute("CREATE INDEX ON memory USING hnsw (embedding vector_l2_ops)");

            List<Integer> order = new ArrayList<>();
            List<Double> distances = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, embedding <-> ?::vector AS d FROM memory ORDER BY embedding <-> ?::vector")) {
                q.setString(1, "[1,1,1.2]");
                q.setString(2, "[1,1,1.2]");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        order.add(rs.getInt(1));
                        distances.add(rs.getDouble(2));
                    }
                }
            }
            assertThat(order).containsExactly(2, 4, 1, 3);
            assertThat(distances.get(0)).isCloseTo(0.2, within(1e-6));
            assertThat(distances.get(2)).isCloseTo(Math.sqrt(1 + 1 + 1.44), within(1e-6));
        }
    }

    @Test
    void tablesGoIntoTheSchemaOfThisClassOnly(PostgresDatabase db) throws SQLException {
        assertThat(db.schema()).startsWith("t_postgresvectortest_");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE isolation_probe (x int)");
            assertThat(single(st, "SELECT current_schema()")).isEqualTo(db.schema());
            assertThat(single(st, "SELECT table_schema FROM information_schema.tables"
                    + " WHERE table_name = 'isolation_probe'")).isEqualTo(db.schema());
        }
        try (Connection plain = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = plain.createStatement()) {
            assertThat(single(st, "SELECT to_regclass('isolation_probe')::text")).isNull();
            assertThat(single(st, "SELECT to_regclass('" + db.schema() + ".isolation_probe')::text"))
                    .isEqualTo(db.schema() + ".isolation_probe");
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            String v = rs.getString(1);
            assertThat(rs.next()).as("only one row from %s", sql).isFalse();
            return v;
        }
    }
}
