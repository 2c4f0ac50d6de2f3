package org.bianmin.proxy;

import org.bianmin.engine.ActingUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks of {@code proxy-delivery}. */
@Configuration
class ProxyDelegates {

    @Bean("recordProxyDeliveredDelegate")
    JavaDelegate recordDelivered(ProxyService proxies, ActingUser actor) {
        return execution -> {
            String by = text(execution, "deliveredBy");
            proxies.recordDelivered(id(execution), by == null ? actor.current() : by, text(execution, "deliveredNote"));
        };
    }

    @Bean("recordProxyDeliveryOverdueDelegate")
    JavaDelegate recordDeliveryOverdue(ProxyService proxies) {
        return execution -> proxies.deliveryOverdue(id(execution));
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable("proxyId")).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
