package dev.skein.pds;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The PDS alone in a process of its own, for tests that kill it: {@code <data dir> <PLC URL> <port>}, on the
 * embedded database, rate limits off (the test is the load). Prints {@code READY} once it listens.
 */
public final class PdsProcessMain {
    private PdsProcessMain() {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PdsConfiguration.class)
    static class App {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(App.class)
                .properties("skein.pds.data-dir=" + args[0], "skein.pds.plc-url=" + args[1], "server.port=" + args[2],
                        "server.address=127.0.0.1", "skein.pds.password-hash-cost=14", "skein.pds.rate-limits.enabled=false",
                        "spring.main.banner-mode=off")
                .run();
        System.out.println("READY");
        System.out.flush();
    }
}
