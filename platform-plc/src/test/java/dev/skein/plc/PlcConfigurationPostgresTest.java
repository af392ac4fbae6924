package dev.skein.plc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The role as configured for PostgreSQL ({@code skein.plc.datasource.*}): Flyway creates the schema it is
 * told to use, and the HTTP API works end to end on it.
 */
@RequiresPostgres
class PlcConfigurationPostgresTest {

    @Test
    void theRoleRunsOnPostgresInItsOwnSchema(PostgresDatabase db) throws Exception {
        String schema = db.schema() + "_plc";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlcTestApplication.class)
                .properties("server.port=0", "skein.plc.data-dir=target/unused",
                        "skein.plc.datasource.url=" + db.jdbcUrl(),
                        "skein.plc.datasource.username=" + db.username(),
                        "skein.plc.datasource.password=" + db.password(),
                        "skein.plc.datasource.schema=" + schema)
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            WebTestClient client = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(60))
                    .baseUrl("http://127.0.0.1:" + port).build();
            TestIdentity alice = new TestIdentity("alice.test");

            client.post().uri("/" + alice.did).contentType(MediaType.APPLICATION_JSON).bodyValue(alice.genesis.toJson())
                    .exchange().expectStatus().isOk();
            client.get().uri("/" + alice.did).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.alsoKnownAs[0]").isEqualTo("at://alice.test");
            client.get().uri("/_health").exchange().expectStatus().isOk();

            try (Connection c = db.connect(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + schema + ".operations")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
