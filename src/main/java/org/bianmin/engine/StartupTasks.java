package org.bianmin.engine;

import org.bianmin.identity.IdentityBootstrap;
import org.bianmin.retention.EngineHistoryRetention;
import org.bianmin.staff.RosterService;
import org.bianmin.tasklist.TasklistFilters;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** What every start does once the engine is up, in order; a failure stops the start. */
@Component
class StartupTasks implements ApplicationRunner {

    private final IdentityBootstrap identity;
    private final ResourceDeployer deployer;
    private final TasklistFilters filters;
    private final RosterService roster;
    private final RetiredProcesses retired;
    private final JobAcquisitionIndex jobIndex;
    private final EngineHistoryRetention retention;

    StartupTasks(IdentityBootstrap identity, ResourceDeployer deployer, TasklistFilters filters, RosterService roster,
                 RetiredProcesses retired, JobAcquisitionIndex jobIndex, EngineHistoryRetention retention) {
        this.retention = retention;
        this.jobIndex = jobIndex;
        this.retired = retired;
        this.identity = identity;
        this.deployer = deployer;
        this.filters = filters;
        this.roster = roster;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobIndex.ensure();
        identity.run();
        roster.seedDemoRoster();
        deployer.deploy();
        retention.apply();
        retired.retire();
        filters.ensure();
    }
}
