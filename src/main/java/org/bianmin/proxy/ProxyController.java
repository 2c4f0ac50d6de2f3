package org.bianmin.proxy;

import jakarta.validation.Valid;

import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import org.bianmin.identity.CurrentUser;
import org.bianmin.identity.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/cases/{caseNumber}/proxy}: entrust a case to a proxy, confirm the delivery, see who carried it. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/proxy")
class ProxyController {

    private final ProxyService proxies;
    ProxyController(ProxyService proxies) {
        this.proxies = proxies;
    }

    @Authorized(Action.CASE_PROXY)
    @PostMapping
    ResponseEntity<ProxyService.ProxyView> entrust(@PathVariable String caseNumber, @Valid @RequestBody ProxyService.ProxyRequest request,
                                                   CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(proxies.entrust(caseNumber, request, user));
    }

    @Authorized(Action.CASE_PROXY_DELIVERED)
    @PostMapping("/delivered")
    ProxyService.ProxyView delivered(@PathVariable String caseNumber,
                                     @Valid @RequestBody(required = false) ProxyService.DeliveryRequest request, CurrentUser user) {
        return proxies.delivered(caseNumber, request, user);
    }

    @Authorized(Action.CASE_PROXY_READ)
    @GetMapping
    ProxyService.ProxyView find(@PathVariable String caseNumber, CurrentUser user) {
        return proxies.latest(caseNumber);
    }
}
