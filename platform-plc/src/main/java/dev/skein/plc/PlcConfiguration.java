package dev.skein.plc;

import dev.skein.plc.http.PlcHttpApi;
import dev.skein.plc.store.PlcDatabase;
import dev.skein.plc.store.PlcStore;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The PLC directory role: its database ({@code skein.plc.datasource}, migrated at start), the
 * {@link PlcDirectory}, its HTTP routes and a CORS filter open to every origin. Meant for a web
 * application context of its own.
 *
 * <p>The directory's {@link DataSource}, {@link Flyway} and transaction manager are beans so that Spring
 * Boot's own JDBC and Flyway auto-configuration, where present, back off instead of opening
 * {@code spring.datasource.*}. A {@link Clock} bean, if the context has one, is the directory's time
 * (tests move it); otherwise the system UTC clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlcProperties.class)
public class PlcConfiguration {

    @Bean(destroyMethod = "close")
    PlcDatabase plcDatabase(PlcProperties properties) {
        return PlcDatabase.open(properties);
    }

    @Bean
    DataSource plcDataSource(PlcDatabase database) {
        return database.dataSource();
    }

    @Bean
    Flyway plcFlyway(PlcDatabase database) {
        return database.migrate();
    }

    @Bean
    DataSourceTransactionManager plcTransactionManager(PlcDatabase database) {
        return new DataSourceTransactionManager(database.dataSource());
    }

    @Bean
    PlcDirectory plcDirectory(PlcDatabase database, Flyway migrated, DataSourceTransactionManager transactionManager,
            ObjectProvider<Clock> clock, PlcProperties properties) {
        PlcStore store = new PlcStore(JdbcClient.create(database.dataSource()), database.vendor());
        return new PlcDirectory(store, transactionManager, clock.getIfAvailable(Clock::systemUTC), properties.limits());
    }

    /**
     * Every origin may call the directory, as with the reference directory: all it serves is public, and
     * writes are authorised by their signatures, not by the caller.
     */
    @Bean
    CorsWebFilter plcCorsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin(CorsConfiguration.ALL);
        cors.setAllowedMethods(List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"));
        cors.addAllowedHeader(CorsConfiguration.ALL);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }

    @Bean
    RouterFunction<ServerResponse> plcRoutes(PlcDirectory directory, PlcProperties properties) {
        String version = PlcConfiguration.class.getPackage().getImplementationVersion();
        return new PlcHttpApi(directory, properties.limits().maxRequestBytes(), version == null ? "dev" : version).routes();
    }
}
