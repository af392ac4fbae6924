package dev.skein.pds;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.pds.account.Account;
import dev.skein.pds.account.AccountTokenDelivery;
import dev.skein.pds.account.AccountTokenStore;
import dev.skein.pds.auth.ServiceCredentials;
import dev.skein.pds.identity.HandleResolver;
import dev.skein.xrpc.AuthRequirement;
import dev.skein.xrpc.XrpcMethod;
import dev.skein.xrpc.XrpcRequest;
import dev.skein.xrpc.XrpcResponse;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.core.publisher.Mono;

/**
 * The PDS role alone in a web application, with what tests control: the clock, where one-time tokens go,
 * the DNS records external handles resolve by, and one extra method that needs a service JWT.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PdsConfiguration.class)
public class PdsTestApplication {
    /** The NSID of the test-only method that echoes a service JWT's issuer. */
    public static final Nsid WHO_AM_I = Nsid.parse("dev.skein.test.whoAmI");

    /**
     * Event loops of this context's own. With Reactor Netty's process-wide ones, stopping any test context
     * (Spring pauses a cached context when the next test class starts, and closes it when it is evicted)
     * disposes the loops and connection pool that every other context's server and the tests' clients still
     * use: a request then waits forever on a loop that no longer runs.
     */
    @Bean
    ReactorResourceFactory ownReactorResources() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }

    /** Tokens the PDS would have emailed, by DID. */
    public static final class CapturedTokens implements AccountTokenDelivery {
        public final Map<Did, String> tokens = new ConcurrentHashMap<>();

        @Override
        public void deliver(Account account, AccountTokenStore.Purpose purpose, String token) {
            tokens.put(account.did(), token);
        }
    }

    /** TXT records of {@code _atproto.<handle>} names; HTTPS well-known lookups go nowhere. */
    public static final class FakeDns {
        public final Map<String, List<String>> txt = new ConcurrentHashMap<>();

        public void claim(String handle, Did did) {
            txt.put("_atproto." + handle, List.of("did=" + did.value()));
        }
    }

    @Bean
    MutableClock testClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Bean
    CapturedTokens capturedTokens() {
        return new CapturedTokens();
    }

    @Bean
    FakeDns fakeDns() {
        return new FakeDns();
    }

    @Bean
    HandleResolver testHandleResolver(FakeDns dns) {
        return new HandleResolver(name -> dns.txt.getOrDefault(name, List.of()),
                h -> URI.create("http://127.0.0.1:9/.well-known/atproto-did"));
    }

    @Bean
    XrpcMethod whoAmI() {
        return new XrpcMethod() {
            @Override
            public Nsid nsid() {
                return WHO_AM_I;
            }

            @Override
            public Kind kind() {
                return Kind.QUERY;
            }

            @Override
            public AuthRequirement auth() {
                return AuthRequirement.SERVICE;
            }

            @Override
            public Mono<XrpcResponse> handle(XrpcRequest request) {
                return Mono.just(XrpcResponse.json(MapValue.builder()
                        .put("iss", request.credentials(ServiceCredentials.class).issuer().value()).build()));
            }
        };
    }
}
