package org.bianmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The production profile on a new, empty PostgreSQL database: without BIANMIN_ADMIN_PASSWORD it
 * refuses to start; with it, it creates the administrator and no demo users.
 */
// boots a second Bianmin in this JVM: runs in the surefire execution "second-application" (Camunda registries are JVM-wide)
@org.junit.jupiter.api.Tag("second-application")
class PostgresProfileStartupTest {

    @Test
    void refusesWithoutAdminPasswordThenStartsWithoutDemoUsers() {
        String url = PostgresIntegrationTest.freshDatabase("bianmin_production");

        assertThatThrownBy(() -> boot(url, ""))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("BIANMIN_ADMIN_PASSWORD"));

        try (ConfigurableApplicationContext context = boot(url, "first-admin-secret")) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().userId("clerk").count()).isZero();
            assertThat(identity.createUserQuery().count()).isEqualTo(1);
            assertThat(identity.checkPassword("admin", "first-admin-secret")).isTrue();
            assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
            // the standard groups exist, the demo windows do not
            assertThat(identity.createGroupQuery().groupId("clerks").count()).isEqualTo(1);
            assertThat(identity.createGroupQuery().groupId("window-general").count()).isZero();
        }
    }

    private static ConfigurableApplicationContext boot(String url, String adminPassword) {
        // command-line arguments outrank application.yaml's postgres profile (builder.properties() would not)
        return new SpringApplicationBuilder(BianminApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--bianmin.admin.id=admin",
                        "--bianmin.admin.password=" + adminPassword,
                        "--bianmin.demo.enabled=false",
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        // the shared test application already holds the engine name 'default' in this JVM
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.job-execution.enabled=false");
    }
}
