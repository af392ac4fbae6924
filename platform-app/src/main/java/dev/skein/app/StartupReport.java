package dev.skein.app;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the user, once everything listens, where each role answers and where the data lives. */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final SkeinProperties properties;
    private final DataDirectory data;

    StartupReport(SkeinProperties properties, DataDirectory data) {
        this.properties = properties;
        this.data = data;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String host = printableHost(event.getApplicationContext().getEnvironment().getProperty("server.address"));
        int port = web.getWebServer().getPort();
        log.info("Skein data: {}", data.root());
        for (Role role : Role.values()) {
            if (properties.roles().contains(role)) {
                log.info("Skein {}: http://{}:{}{}", role.id(), host, port, role.entryPath());
            }
        }
    }

    /** The address to print: the bound one, or loopback where the server listens on every interface. */
    static String printableHost(String address) {
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
