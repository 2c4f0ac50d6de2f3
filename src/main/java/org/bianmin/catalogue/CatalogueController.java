package org.bianmin.catalogue;

import org.bianmin.identity.Action;
import org.bianmin.identity.Authorized;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/items")
class CatalogueController {

    private final CatalogueService catalogue;
    private final IdentityService identity;

    CatalogueController(CatalogueService catalogue, IdentityService identity) {
        this.catalogue = catalogue;
        this.identity = identity;
    }

    record MaterialView(String code, String name, boolean main) {
    }

    record ItemView(String code, String name, String department, String departmentName, String window, String windowName,
                    CaseType caseType, String caseTypeLabel, int promisedWorkingDays, int statutoryWorkingDays,
                    ServiceItem.ApprovalLevel approvalLevel, List<String> jointDepartments, boolean onTheSpot,
                    BigDecimal fee, String legalBasis, List<MaterialView> materials, boolean acceptOnPromise, boolean commitment) {
    }

    @Authorized(Action.CATALOGUE_READ)
    @GetMapping
    List<ItemView> items() {
        Map<String, String> names = groupNames();
        return catalogue.catalogue().items().stream().map(item -> view(item, names)).toList();
    }

    @Authorized(Action.CATALOGUE_READ)
    @GetMapping("/{code}")
    ItemView item(@PathVariable String code) {
        ServiceItem item = catalogue.find(code).orElseThrow(() ->
                ApiException.notFound("UNKNOWN_ITEM", "事项不存在 / no such item: " + code));
        return view(item, groupNames());
    }

    private Map<String, String> groupNames() {
        return identity.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName(), (a, b) -> a));
    }

    private static ItemView view(ServiceItem item, Map<String, String> names) {
        return new ItemView(item.code(), item.name(), item.department(), names.getOrDefault(item.department(), item.department()),
                item.window(), names.getOrDefault(item.window(), item.window()), item.caseType(), item.caseType().label(),
                item.promisedWorkingDays(), item.statutoryWorkingDays(), item.approvalLevel(), item.jointDepartments(),
                item.onTheSpot(), item.fee(), item.legalBasis(),
                item.materials().stream().map(m -> new MaterialView(m.code(), m.name(), m.main())).toList(),
                item.acceptOnPromise(), item.commitment());
    }
}
