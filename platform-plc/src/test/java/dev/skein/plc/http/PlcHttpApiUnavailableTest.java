package dev.skein.plc.http;

import dev.skein.plc.MutableClock;
import dev.skein.plc.PlcDirectory;
import dev.skein.plc.PlcProperties;
import dev.skein.plc.TestIdentity;
import dev.skein.plc.store.PlcDatabase;
import dev.skein.plc.store.PlcStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without its database the directory says so: 503 on {@code /_health}, and a 500 that names no detail elsewhere. */
class PlcHttpApiUnavailableTest {

    @Test
    void aLostDatabaseIsA503HealthAndA500WithoutDetails(@TempDir Path dir) {
        PlcProperties properties = PlcProperties.defaults(dir);
        PlcDatabase database = PlcDatabase.open(properties);
        database.migrate();
        PlcDirectory directory = new PlcDirectory(new PlcStore(JdbcClient.create(database.dataSource()), database.vendor()),
                new DataSourceTransactionManager(database.dataSource()), new MutableClock(Instant.EPOCH), properties.limits());
        WebTestClient client = WebTestClient.bindToRouterFunction(new PlcHttpApi(directory, 1024, "1.2.3").routes()).build();
        client.get().uri("/_health").exchange().expectStatus().isOk()
                .expectBody().json("{\"version\":\"1.2.3\"}", JsonCompareMode.STRICT);

        database.close();

        client.get().uri("/_health").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"version\":\"1.2.3\",\"error\":\"Service Unavailable\"}", JsonCompareMode.STRICT);
        TestIdentity alice = new TestIdentity("alice.test");
        client.get().uri("/" + alice.did).exchange().expectStatus().isEqualTo(500)
                .expectBody().json("{\"message\":\"Internal Server Error\"}", JsonCompareMode.STRICT);
        client.post().uri("/" + alice.did).contentType(MediaType.APPLICATION_JSON).bodyValue(alice.genesis.toJson())
                .exchange().expectStatus().isEqualTo(500)
                .expectBody().json("{\"message\":\"Internal Server Error\"}", JsonCompareMode.STRICT);
    }
}
