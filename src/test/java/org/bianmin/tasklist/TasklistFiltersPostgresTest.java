package org.bianmin.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.supervision.SupervisionTestSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 part 2 on the shared PostgreSQL context: the role filters exist once each with READ for
 * the groups they serve, stay so when a start creates them again ({@link TasklistFilters#ensure()}
 * is all a start does about filters, see {@code StartupTasks}), and show each role what is theirs:
 * a warned and an overdue case to the clerk who may work them, the supervision and accountability
 * review tasks to the supervisor, an extension request to the director. Read through the engine REST
 * API as each demo user, as Tasklist does.
 */
class TasklistFiltersPostgresTest extends SupervisionTestSupport {

    /** A Wednesday no other test uses. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 11);

    static final String MINE = "我的待办";
    static final String WINDOW = "本窗口待办";
    static final String WARNING = "即将超期";
    static final String OVERDUE = "已超期";
    static final String ESCALATIONS = "督办";
    static final String REVIEWS = "待审核的问责";
    static final String APPROVALS = "待我审批";
    static final String CENTRE_WARNING = "全中心即将超期";
    static final String CENTRE_OVERDUE = "全中心已超期";
    /** In Tasklist's order (by priority): directors open on their approvals, supervisors on 督办, clerks on their own tasks. */
    static final List<String> ALL = List.of(APPROVALS, ESCALATIONS, MINE, WINDOW, WARNING, OVERDUE, CENTRE_WARNING, CENTRE_OVERDUE,
            REVIEWS);

    /** The groups each filter is granted to. */
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        List<String> staff = List.of("clerks", "directors", "rule-admins", "supervisors");
        List<String> watchers = List.of("directors", "supervisors");
        GROUPS.put(MINE, staff);
        GROUPS.put(WINDOW, List.of("clerks"));
        GROUPS.put(WARNING, List.of("clerks"));
        GROUPS.put(OVERDUE, List.of("clerks"));
        GROUPS.put(CENTRE_WARNING, watchers);
        GROUPS.put(CENTRE_OVERDUE, watchers);
        GROUPS.put(ESCALATIONS, watchers);
        GROUPS.put(REVIEWS, watchers);
        GROUPS.put(APPROVALS, List.of("directors"));
    }

    @Autowired TasklistFilters tasklistFilters;
    @Autowired FilterService filterService;
    @Autowired AuthorizationService authorizations;

    @Test
    void eachFilterExistsOnceForItsGroupsAndStaysSoWhenStartsCreateThemAgain() {
        assertFiltersOnceWithTheirGroups();
        Map<String, String> ids = filterIds();

        // two more starts
        tasklistFilters.ensure();
        tasklistFilters.ensure();
        assertFiltersOnceWithTheirGroups();
        assertThat(filterIds()).as("the same filters, updated in place").isEqualTo(ids);

        // what each demo user is shown in Tasklist
        assertThat(visibleFilters(CLERK)).containsExactly(MINE, WINDOW, WARNING, OVERDUE);
        assertThat(visibleFilters("market-a")).containsExactly(MINE, WINDOW, WARNING, OVERDUE);
        assertThat(visibleFilters(SUPERVISOR)).containsExactly(ESCALATIONS, MINE, CENTRE_WARNING, CENTRE_OVERDUE, REVIEWS);
        assertThat(visibleFilters(DIRECTOR)).containsExactly(APPROVALS, ESCALATIONS, MINE, CENTRE_WARNING, CENTRE_OVERDUE, REVIEWS);
        assertThat(visibleFilters("ruleadmin")).containsExactly(MINE);
        assertThat(get("/engine-rest/filter?resourceType=Task", null, null).statusCode()).isEqualTo(401);

        // sorted by due date, with the case number, item and (masked) applicant on the task cards
        for (String name : ALL) {
            JsonNode filter = getJson("/engine-rest/filter/" + ids.get(name), "admin");
            assertThat(filter.path("resourceType").asText()).isEqualTo("Task");
            assertThat(filter.path("owner").isNull()).as("%s has no owner", name).isTrue();
            JsonNode sorting = filter.path("query").path("sorting");
            assertThat(sorting).as("%s sorting: %s", name, filter).hasSize(1);
            assertThat(sorting.get(0).path("sortBy").asText()).isEqualTo("dueDate");
            assertThat(sorting.get(0).path("sortOrder").asText()).isEqualTo("asc");
            assertThat(filter.path("properties").path("variables").findValuesAsText("name"))
                    .as("%s variables", name).contains("caseNumber", "itemName", "applicant");
            assertThat(filter.path("properties").path("description").asText()).isNotBlank();
            Filter engineFilter = filterService.getFilter(ids.get(name));
            assertThat(engineFilter.getResourceType()).isEqualTo("Task");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variables = (List<Map<String, Object>>) engineFilter.getProperties().get("variables");
            assertThat(variables).extracting(v -> v.get("name")).startsWith("caseNumber", "itemName", "applicant");
        }
        // the order in Tasklist (by priority): mine first
        List<Integer> priorities = new ArrayList<>();
        for (String name : ALL) {
            priorities.add(((Number) filterService.getFilter(ids.get(name)).getProperties().get("priority")).intValue());
        }
        assertThat(priorities).isSorted();
    }

    @Test
    void eachRoleFindsItsTasksInItsFilters() {
        Map<String, String> ids = filterIds();
        AtRiskCases cases = atRiskCases(DAY);
        Task warned = openTask(cases.warning(), "handleOnTheSpot");
        Task late = openTask(cases.overdue(), "handleOnTheSpot");
        Task onTime = openTask(cases.onTime(), "handOver");
        // the registering clerk works the overdue case: assigned to them now
        tasks.claim(late.getId(), CLERK);

        // the clerk who may work them: warned and overdue tasks in their filters, each in its own
        assertThat(taskIds(ids.get(WARNING), CLERK)).contains(warned.getId()).doesNotContain(late.getId(), onTime.getId());
        assertThat(taskIds(ids.get(OVERDUE), CLERK)).contains(late.getId()).doesNotContain(warned.getId(), onTime.getId());
        assertThat(taskIds(ids.get(MINE), CLERK)).contains(late.getId()).doesNotContain(warned.getId());
        assertThat(taskIds(ids.get(WINDOW), CLERK)).contains(warned.getId(), onTime.getId()).doesNotContain(late.getId());
        // the card shows the filter's variables
        JsonNode card = halTask(ids.get(WARNING), CLERK, warned.getId());
        assertThat(card.path("_embedded").path("variable").findValuesAsText("name"))
                .as("variables on the card: %s", card).contains("caseNumber", "itemName", "applicant");
        assertThat(card.toString()).contains(cases.warning(), "个体工商户设立登记", "赵小满 (")
                .doesNotContain("11010519900307123");
        // the clerk's window colleague sees the warned task offered to the window, not the one the clerk took;
        // another window sees neither
        assertThat(taskIds(ids.get(WARNING), "clerk2")).contains(warned.getId());
        assertThat(taskIds(ids.get(OVERDUE), "clerk2")).doesNotContain(late.getId());
        assertThat(taskIds(ids.get(OVERDUE), "petition-a")).doesNotContain(late.getId(), warned.getId());

        // the supervisor: the escalation of the overdue case and its accountability review
        Task supervise = openTask(cases.overdue(), "superviseOverdue");
        List<Long> records = jdbc.queryForList("select id from accountability_record where case_number = ? and trigger_type = 'CASE_OVERDUE'",
                Long.class, cases.overdue());
        assertThat(records).as("the overdue case's accountability record").hasSize(1);
        Task review = openTask("ACC-" + records.get(0), "reviewRecord");
        assertThat(taskIds(ids.get(ESCALATIONS), SUPERVISOR)).contains(supervise.getId()).doesNotContain(review.getId());
        assertThat(taskIds(ids.get(REVIEWS), SUPERVISOR)).contains(review.getId()).doesNotContain(supervise.getId());
        assertThat(taskIds(ids.get(ESCALATIONS), CLERK)).as("a clerk may not read the filter").isNull();
        // the centre's warned and overdue cases, whoever holds them
        assertThat(taskIds(ids.get(CENTRE_OVERDUE), SUPERVISOR)).contains(late.getId()).doesNotContain(warned.getId(), onTime.getId());
        assertThat(taskIds(ids.get(CENTRE_WARNING), DIRECTOR)).contains(warned.getId()).doesNotContain(late.getId());
        assertThat(taskIds(ids.get(CENTRE_OVERDUE), CLERK)).isNull();
        assertThat(taskIds(ids.get(REVIEWS), CLERK)).isNull();

        // the director: an extension requested over REST waits in 待我审批
        var requested = post("/api/cases/" + cases.onTime() + "/extensions",
                "{\"days\": 3, \"reason\": \"需等待消防部门出具意见\"}", CLERK);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        Task approve = openTask(cases.onTime(), "approveExtension");
        assertThat(taskIds(ids.get(APPROVALS), DIRECTOR)).contains(approve.getId())
                .doesNotContain(supervise.getId(), review.getId(), warned.getId());
        assertThat(taskIds(ids.get(APPROVALS), SUPERVISOR)).isNull();
        assertThat(taskIds(ids.get(APPROVALS), CLERK)).isNull();
        assertThat(halTask(ids.get(APPROVALS), DIRECTOR, approve.getId()).toString()).contains(cases.onTime());
    }

    // ---------------------------------------------------------------- helpers

    private void assertFiltersOnceWithTheirGroups() {
        for (String name : ALL) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as("filter %s", name).isEqualTo(1);
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            List<Authorization> grants = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).list();
            assertThat(grants).as("authorizations of %s", name).allSatisfy(grant -> {
                assertThat(grant.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
                assertThat(grant.getUserId()).isNull();
                assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            });
            assertThat(grants).extracting(Authorization::getGroupId).as("groups of %s", name)
                    .containsExactlyInAnyOrderElementsOf(GROUPS.get(name));
        }
    }

    private Map<String, String> filterIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : ALL) {
            ids.put(name, filterService.createFilterQuery().filterName(name).singleResult().getId());
        }
        return ids;
    }

    /** The names of the Task filters a user may read, in the order the REST API returns them (priority is Tasklist's). */
    private List<String> visibleFilters(String user) {
        JsonNode list = getJson("/engine-rest/filter?resourceType=Task", user);
        List<String> names = new ArrayList<>();
        list.forEach(f -> names.add(f.path("name").asText()));
        // each at most once, sorted as Tasklist sorts them
        assertThat(names).as("filters of %s", user).doesNotHaveDuplicates();
        List<String> ours = new ArrayList<>(ALL);
        ours.retainAll(names);
        assertThat(names).as("only our filters exist").containsExactlyInAnyOrderElementsOf(ours);
        return ours;
    }

    /** The task ids a filter lists for a user; null if the user may not read the filter. */
    private List<String> taskIds(String filterId, String user) {
        var response = get("/engine-rest/filter/" + filterId + "/list?maxResults=1000", user, password(user));
        if (response.statusCode() == 403 || response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        read(response.body()).forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    /** A task as Tasklist lists it (HAL, with the filter's variables embedded). */
    private JsonNode halTask(String filterId, String user, String taskId) {
        var response = get("/engine-rest/filter/" + filterId + "/list?maxResults=1000", user, password(user), "application/hal+json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode task : read(response.body()).path("_embedded").path("task")) {
            if (task.path("id").asText().equals(taskId)) {
                return task;
            }
        }
        throw new AssertionError("task " + taskId + " not in " + response.body());
    }
}
