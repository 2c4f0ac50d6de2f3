package org.bianmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.bianmin.engine.ResourceDeployer;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The foundation (issue 2) on a real PostgreSQL: engine, schema, REST security, demo organisation, health. */
class FoundationPostgresTest extends PostgresIntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired RepositoryService repository;
    @Autowired ResourceDeployer deployer;
    @Autowired Flyway flyway;
    @Autowired ObjectMapper json;

    @Test
    void engineRunsOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getCatalog()).isEqualTo(DATABASE);
        }
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(engine.getName()).isEqualTo("default");
    }

    @Test
    void camundaCreatedItsTables() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema() and table_name like 'act\\_%'",
                String.class);
        assertThat(tables).contains("act_ge_property", "act_re_deployment", "act_re_procdef", "act_ru_execution",
                "act_ru_task", "act_ru_job", "act_hi_procinst", "act_id_user", "act_id_group", "act_ru_authorization");
        assertThat(tables.size()).isGreaterThanOrEqualTo(45);
        List<String> schemaVersions = jdbc.queryForList("select version_ from act_ge_schema_log", String.class);
        assertThat(schemaVersions).anySatisfy(v -> assertThat(v).startsWith("7.24"));
    }

    @Test
    void flywayMigratedEverything() {
        assertThat(flyway.getConfiguration().getTable()).isEqualTo("bianmin_schema_history");
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> versioned = List.of(all).stream().filter(m -> m.getVersion() != null && !m.getType().isBaseline()).toList();
        if (versioned.isEmpty()) {
            // no migrations yet (src/main/resources/db/migration is empty): only the bean can be checked
            return;
        }
        Integer historyTables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = current_schema() and table_name = 'bianmin_schema_history'",
                Integer.class);
        assertThat(historyTables).isEqualTo(1);
        assertThat(flyway.info().pending()).as("pending migrations").isEmpty();
        // every migration must really have run: none skipped below a baseline, none failed or ignored
        // BASELINE_IGNORED would mean Flyway baselined (at version 1) a schema Camunda had already filled,
        // and skipped V1: the baseline version must be below the first migration
        assertThat(versioned).allSatisfy(m -> assertThat(m.getState())
                .as("state of migration V%s %s", m.getVersion(), m.getDescription()).isEqualTo(MigrationState.SUCCESS));
    }

    @Test
    void engineRestNeedsBasicAuthentication() {
        assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
        // a wrong password locks the user for a few seconds (Camunda's login delay): use a user no other test needs
        assertThat(get("/engine-rest/process-definition", "market-b", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/process-definition", "nobody", DEMO_PASSWORD).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get("/engine-rest/process-definition", "clerk", DEMO_PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("[");
    }

    @Test
    void calendarApiNeedsBasicAuthentication() {
        String path = deadline("2026-02-13T10:00:00+08:00", "workingDays=2");
        assertThat(get(path, null, null).statusCode()).isEqualTo(401);
        assertThat(get(path, "hrss-b", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> unauthenticated = get(path, null, null);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(readJson(unauthenticated).path("error").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void calendarApiComputesDeadlines() {
        // Fri Feb 13 2026: Sat Feb 14 (make-up day) is the 1st working day, Tue Feb 24 after 春节 the 2nd
        HttpResponse<String> days = get(deadline("2026-02-13T10:00:00+08:00", "workingDays=2"), "clerk", DEMO_PASSWORD);
        assertThat(days.statusCode()).isEqualTo(200);
        JsonNode answer = readJson(days);
        assertThat(OffsetDateTime.parse(answer.path("deadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-02-24T17:30:00+08:00").toInstant());
        assertThat(answer.path("deadline").asText()).endsWith("+08:00");
        assertThat(answer.path("workingDays").asInt()).isEqualTo(2);
        assertThat(answer.path("warnings")).isEmpty();

        // 30 working minutes from 11:50 end at 13:50 (midday break)
        JsonNode minutes = readJson(get(deadline("2026-03-02T11:50:00+08:00", "workingMinutes=30"), "clerk", DEMO_PASSWORD));
        assertThat(OffsetDateTime.parse(minutes.path("deadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-02T13:50:00+08:00").toInstant());

        // into 2027, which has no table: computed on weekdays and flagged
        JsonNode uncovered = readJson(get(deadline("2026-12-31T10:00:00+08:00", "workingDays=2"), "clerk", DEMO_PASSWORD));
        assertThat(OffsetDateTime.parse(uncovered.path("deadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-01-05T17:30:00+08:00").toInstant());
        assertThat(uncovered.path("provisional").asBoolean()).isTrue();
        assertThat(uncovered.path("warnings")).hasSize(1);
        assertThat(uncovered.path("warnings").get(0).asText()).contains("2027", "暂按法定节假日计算");
        assertThat(readJson(get(deadline("2026-03-02T10:00:00+08:00", "workingDays=2"), "clerk", DEMO_PASSWORD))
                .path("provisional").asBoolean()).isFalse();

        JsonNode years = readJson(get("/api/calendar/years", "clerk", DEMO_PASSWORD));
        assertThat(years.get(0).path("year").asInt()).isEqualTo(2025);
        assertThat(years.get(0).path("source").asText()).isEqualTo("OFFICIAL");
        assertThat(years.get(1).path("workdays").toString()).contains("2026-01-04");
        JsonNode next = years.get(2);
        assertThat(next.path("year").asInt()).isEqualTo(2027);
        assertThat(next.path("source").asText()).isEqualTo("PROVISIONAL");
        assertThat(next.path("holidays").toString()).contains("2027-02-05", "春节");
        assertThat(next.path("workdays")).isEmpty();
        assertThat(next.path("warning").asText()).contains("2027年尚无国务院公布的放假安排");
    }

    @Test
    void calendarApiRejectsBadInputWithErrorAndMessage() {
        assertBadRequest(deadline("yesterday", "workingDays=2"), "from");
        assertBadRequest(deadline("2026-02-13T10:00:00", "workingDays=2"), "from"); // no offset
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", "workingDays=2&workingMinutes=30"), "workingDays");
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", ""), "workingDays");
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", "workingDays=-1"), "workingDays");
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", "workingMinutes=-5"), "workingMinutes");
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", "workingDays=two"), "workingDays");
        assertBadRequest(deadline("2026-02-13T10:00:00+08:00", "workingDays=100000"), "workingDays");
        assertBadRequest("/api/calendar/deadline?workingDays=2", "from");
    }

    @Test
    void demoOrganisationExists() {
        assertThat(groupsOf("clerk")).contains("clerks", "window-general", "dept-general");
        assertThat(groupsOf("clerk2")).contains("clerks", "window-general", "dept-general");
        assertThat(groupsOf("civil-a")).contains("clerks", "window-civil", "dept-civil");
        assertThat(groupsOf("petition-b")).contains("clerks", "window-petition", "dept-petition");
        assertThat(groupsOf("supervisor")).containsExactly("supervisors");
        assertThat(groupsOf("director")).containsExactly("directors");
        assertThat(groupsOf("ruleadmin")).containsExactly("rule-admins");
        assertThat(groupsOf("admin")).contains("camunda-admin");
        assertThat(identity.createUserQuery().count()).isEqualTo(18);
        assertThat(identity.createUserQuery().userId("clerk").singleResult().getFirstName()).isEqualTo("王芳");
        assertThat(identity.checkPassword("clerk", DEMO_PASSWORD)).isTrue();
        // the administrator keeps the configured password, not the demo one
        assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
        assertThat(identity.checkPassword("admin", DEMO_PASSWORD)).isFalse();
        // the failed attempt delays admin's next login: take that back for the other tests
        identity.unlockUser("admin");
    }

    @Test
    void webappAccessFollowsTheGroups() {
        assertThat(canAccess("clerk", "tasklist")).isTrue();
        assertThat(canAccess("clerk", "cockpit")).isFalse();
        assertThat(canAccess("clerk", "admin")).isFalse();
        assertThat(canAccess("supervisor", "cockpit")).isTrue();
        assertThat(canAccess("director", "cockpit")).isTrue();
        assertThat(canAccess("ruleadmin", "tasklist")).isTrue();
        assertThat(canAccess("admin", "admin")).isTrue();
    }

    @Test
    void deployingAgainCreatesNoNewDeployment() {
        long before = repository.createDeploymentQuery().count();
        long definitions = repository.createProcessDefinitionQuery().count();
        deployer.deploy();
        deployer.deploy();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    }

    @Test
    void actuatorNeedsAuthenticationAndShowsMetricsToAdministratorsOnly() {
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> health = get("/actuator/health", "clerk", DEMO_PASSWORD);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(readJson(health).path("status").asText()).isEqualTo("UP");
        // the bare status: no component names the database or the disk
        assertThat(readJson(health).has("components")).isFalse();
        // metrics only for camunda-admin (or a monitoring group)
        assertThat(get("/actuator/prometheus", "supervisor", DEMO_PASSWORD, "text/plain").statusCode()).isEqualTo(403);
        HttpResponse<String> prometheus = get("/actuator/prometheus", "admin", ADMIN_PASSWORD, "text/plain");
        assertThat(prometheus.statusCode()).as(prometheus.body()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aBrowserMeetsErrorsInChineseNotTheWhitelabelPage() {
        HttpResponse<String> missing = get("/no-such-page", "clerk", DEMO_PASSWORD, "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "lang=\"zh-CN\"").doesNotContain("Whitelabel", "Not Found", "timestamp");
        // a clerk following Tasklist's link into Cockpit
        HttpResponse<String> refused = get("/camunda/app/cockpit/default/", "clerk", DEMO_PASSWORD, "text/html");
        assertThat(refused.body()).doesNotContain("Whitelabel");
    }

    private boolean canAccess(String user, String application) {
        List<String> groups = groupsOf(user);
        return authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, application);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
    }

    private static String deadline(String from, String count) {
        return "/api/calendar/deadline?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + (count.isEmpty() ? "" : "&" + count);
    }

    private void assertBadRequest(String path, String field) {
        HttpResponse<String> response = get(path, "clerk", DEMO_PASSWORD);
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(400);
        JsonNode body = readJson(response);
        assertThat(body.path("error").asText()).as(response.body()).isNotBlank();
        assertThat(body.path("message").asText()).as(response.body()).contains(field);
    }

    private JsonNode readJson(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
