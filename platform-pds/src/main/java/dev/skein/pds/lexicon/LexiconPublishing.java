package dev.skein.pds.lexicon;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.pds.PdsConfiguration;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.secrets.InProcessAdmin;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The lexicon-authority account, when {@code skein.pds.lexicon-authority.enabled} is true: the
 * {@link LexiconPublisher}, run once the PDS answers (its application is ready), and
 * {@code GET }{@value #WELL_KNOWN}, which tells resolvers in a private network (where nobody publishes
 * {@code _lexicon} DNS records) the authority DID and the TXT records an operator would publish.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "skein.pds.lexicon-authority", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LexiconAuthorityProperties.class)
public class LexiconPublishing {
    /** Where the authority DID is served: {@code {"did", "handle", "nsids", "dns": [{"name", "value"}]}}. */
    public static final String WELL_KNOWN = "/.well-known/skein-lexicon-authority";

    @Bean(destroyMethod = "close")
    LexiconPublisher lexiconPublisher(LexiconAuthorityProperties authority, PdsProperties pds, InProcessAdmin admin) {
        SchemaRecords records = SchemaRecords.fromResourceIndex(PdsConfiguration.class.getClassLoader(),
                PdsConfiguration.LEXICON_INDEX, authority::publishes);
        return new LexiconPublisher(authority.handleFor(pds.handleDomains()),
                AuthorityPassword.load(pds.dataDir(), System.getenv()), admin.secret(), records,
                authority.retry());
    }

    /** Publishes once the web server answers: the publisher is a client of it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> lexiconPublisherStart(LexiconPublisher publisher, Environment env) {
        return event -> {
            if (event.getApplicationContext() instanceof WebServerApplicationContext web
                    && web.getWebServer() != null) {
                publisher.start(URI.create("http://" + loopbackOr(env.getProperty("server.address")) + ":"
                        + web.getWebServer().getPort()));
            }
        };
    }

    @Bean
    RouterFunction<ServerResponse> lexiconAuthorityRoute(LexiconPublisher publisher) {
        return RouterFunctions.route(GET(WELL_KNOWN), request -> {
            if (publisher.authority().isEmpty()) {
                return ServerResponse.status(503).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(DataJson.write(MapValue.builder().put("error", "NotPublished")
                                .put("message", "The Lexicons are not published yet").build()));
            }
            List<DataValue> dns = new ArrayList<>();
            publisher.dnsRecords().forEach((name, value) ->
                    dns.add(MapValue.builder().put("name", name).put("value", value).build()));
            MapValue body = MapValue.builder()
                    .put("did", publisher.authority().get().value())
                    .put("handle", publisher.handle())
                    .put("nsids", new ArrayValue(publisher.nsids().stream().map(StringValue::new)
                            .map(DataValue.class::cast).toList()))
                    .put("dns", new ArrayValue(dns))
                    .build();
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(DataJson.write(body));
        });
    }

    /** The address to call the server at: the bound one, or loopback when it listens on every interface. */
    private static String loopbackOr(String address) {
        if (address == null || address.isBlank()) {
            return "127.0.0.1";
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return a instanceof java.net.Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
