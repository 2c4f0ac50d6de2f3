package org.bianmin.cases.process;

import org.bianmin.catalogue.CatalogueService;
import org.bianmin.engine.ResourceDeployer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A newly published catalogue reaches the intake form: its items and material checklists are rebuilt and redeployed. */
@Component
class IntakeFormRedeployer {

    private final ResourceDeployer deployer;

    IntakeFormRedeployer(ResourceDeployer deployer) {
        this.deployer = deployer;
    }

    @EventListener
    void catalogueChanged(CatalogueService.CatalogueChanged event) {
        deployer.deploy();
    }
}
