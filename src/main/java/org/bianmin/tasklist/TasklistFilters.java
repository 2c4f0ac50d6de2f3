package org.bianmin.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.identity.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every role starts from, created idempotently at each start (by name) and
 * visible only to the groups they serve. Each shows the case number, item and masked applicant.
 */
@Component
public class TasklistFilters {

    record FilterSpec(String name, String description, int priority, List<String> groups, TaskQuery query) {
    }

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /**
     * Each role opens on the filter that holds its work (Tasklist opens the readable filter of lowest
     * priority): clerks on 我的待办, supervisors on 督办, directors on 待我审批. Clerks' warning and
     * overdue filters hold their own and their window's tasks; supervisors and directors see the
     * whole centre's warned and overdue cases instead.
     */
    public void ensure() {
        List<String> staff = List.of(Groups.CLERKS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.RULE_ADMINS);
        List<String> clerks = List.of(Groups.CLERKS);
        List<String> supervisors = List.of(Groups.SUPERVISORS, Groups.DIRECTORS);
        for (FilterSpec spec : List.of(
                new FilterSpec("待我审批", "延期、滞办告知、否定报备、承诺件审批决定与规则发布审批", -30, List.of(Groups.DIRECTORS),
                        mine().taskDefinitionKeyIn(APPROVALS).orderByDueDate().asc()),
                new FilterSpec("督办", "超期案件督办、投诉与差评督办、联办部门协调、岗位空缺", -20, supervisors,
                        mine().taskDefinitionKeyIn(ESCALATIONS).orderByDueDate().asc()),
                new FilterSpec("我的待办", "分配给我的任务, 按到期时间排序", -10, staff,
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
                // a candidate-user query also matches the tasks offered to the user's groups: the
                // registering clerk sees the tasks offered to them by name (hand-over, supplement)
                new FilterSpec("本窗口待办", "我所在窗口、部门或岗位组的待认领任务, 以及点名交给我认领的任务", -5, clerks,
                        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                                .orderByDueDate().asc()),
                new FilterSpec("即将超期", "我的和我可认领的、已到预警时点的案件任务", 0, clerks, mine().processVariableValueEquals("slaState", "WARNING")
                        .orderByDueDate().asc()),
                new FilterSpec("已超期", "我的和我可认领的、已超过办结时限的案件任务", 1, clerks, mine().processVariableValueEquals("slaState", "OVERDUE")
                        .orderByDueDate().asc()),
                new FilterSpec("全中心即将超期", "全中心已到预警时点的案件的待办任务", 2, supervisors,
                        tasks.createTaskQuery().processVariableValueEquals("slaState", "WARNING").orderByDueDate().asc()),
                new FilterSpec("全中心已超期", "全中心已超过办结时限的案件的待办任务", 3, supervisors,
                        tasks.createTaskQuery().processVariableValueEquals("slaState", "OVERDUE").orderByDueDate().asc()),
                new FilterSpec("待审核的问责", "规则提出、待督查确认或撤销的问责记录", 4, supervisors,
                        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                                .processDefinitionKey("accountability-review").orderByDueDate().asc()))) {
            ensure(spec);
        }
    }

    /** Escalation tasks (督办) of the case, hall-duty and assessment processes. */
    static final String[] ESCALATIONS = {"superviseOverdue", "coordinatePart", "chasePublication", "superviseComplaint",
            "superviseRectification", "handleVacancy", "chaseDistrict"};
    /** Decisions that wait for a director. */
    static final String[] APPROVALS = {"approveExtension", "approveDelay", "fileDenial", "decide", "approveRulePublication"};

    /** Tasks assigned to me or offered to me (by name or through my groups). */
    private TaskQuery mine() {
        return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}").endOr();
    }

    private void ensure(FilterSpec spec) {
        Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(spec.name());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "caseNumber", "label", "案件编号"),
                Map.of("name", "itemName", "label", "申请事项"),
                Map.of("name", "applicant", "label", "申请人"),
                // A/B cover: the hand-over note of a task taken over from an absent A person
                Map.of("name", "handoverNote", "label", "交接说明")));
        filter.setProperties(properties).setQuery(spec.query()).setOwner(null);
        filters.saveFilter(filter);
        for (String group : spec.groups()) {
            grantRead(filter.getId(), group);
        }
        // a group an earlier release granted and the spec no longer names loses the filter
        String filterId = filter.getId();
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId).list().stream()
                .filter(grant -> grant.getGroupId() != null && !spec.groups().contains(grant.getGroupId()))
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }

    private void grantRead(String filterId, String group) {
        boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .groupIdIn(group).hasPermission(Permissions.READ).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        }
    }
}
