package dev.skein.app;

import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.xrpc.XrpcAuth;
import dev.skein.xrpc.XrpcDispatcher;
import dev.skein.xrpc.XrpcRateLimiter;
import dev.skein.xrpc.XrpcRegistry;
import dev.skein.xrpc.XrpcSettings;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The platform role: the process's own endpoint. {@code /xrpc/_health} answers as the reference PDS does,
 * {@code {"version": "..."}} with the build version; every XRPC method is 501 {@code MethodNotImplemented}
 * here (the roles that serve methods listen on their own ports); actuator health and metrics come with the
 * role's web context.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    RouterFunction<ServerResponse> platformXrpcRoutes(ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("unknown");
        XrpcRegistry nothing = new XrpcRegistry(LexiconCatalog.EMPTY, List.of(), List.of());
        return new XrpcDispatcher(nothing, XrpcAuth.ANONYMOUS_ONLY, XrpcRateLimiter.UNLIMITED, XrpcSettings.defaults(version))
                .routes();
    }
}
