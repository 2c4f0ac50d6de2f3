package org.bianmin.proxy;

import org.bianmin.cases.CaseAccess;
import org.bianmin.identity.Action;
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
    private final CaseAccess access;

    ProxyController(ProxyService proxies, CaseAccess access) {
        this.proxies = proxies;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<ProxyService.ProxyView> entrust(@PathVariable String caseNumber, @RequestBody ProxyService.ProxyRequest request,
                                                   CurrentUser user) {
        access.require(user, Action.CASE_PROXY, caseNumber);
        return ResponseEntity.status(HttpStatus.CREATED).body(proxies.entrust(caseNumber, request, user));
    }

    @PostMapping("/delivered")
    ProxyService.ProxyView delivered(@PathVariable String caseNumber,
                                     @RequestBody(required = false) ProxyService.DeliveryRequest request, CurrentUser user) {
        user.require(Action.CASE_PROXY_DELIVERED);
        return proxies.delivered(caseNumber, request, user);
    }

    @GetMapping
    ProxyService.ProxyView find(@PathVariable String caseNumber, CurrentUser user) {
        user.require(Action.CASE_PROXY_READ);
        return proxies.latest(caseNumber);
    }
}
