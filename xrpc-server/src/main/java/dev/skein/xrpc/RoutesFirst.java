package dev.skein.xrpc;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/**
 * Makes a web context look a request up in its router functions (the XRPC dispatcher's routes) before any
 * other handler mapping. WebFlux asks Spring Boot's actuator endpoint mapping first (order -100), and for
 * every XRPC call it matched the request against each endpoint's conditions, parsing the {@code Accept}
 * header each time, before giving up: about 6 % of a getRecord's CPU. Router functions answer only their
 * own paths, so the actuator's requests still reach it.
 *
 * <p>Register it from a {@code static} {@code @Bean} method of the service's configuration.
 */
public final class RoutesFirst implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof RouterFunctionMapping mapping) {
            mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        }
        return bean;
    }
}
