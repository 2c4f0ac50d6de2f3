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

    public void ensure() {
        List<String> staff = List.of(Groups.CLERKS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.RULE_ADMINS);
        for (FilterSpec spec : List.of(
                new FilterSpec("我的待办", "分配给我的任务, 按到期时间排序", -10, staff,
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
                // a candidate-user query also matches the tasks offered to the user's groups: the
                // registering clerk sees the tasks offered to them by name (hand-over, supplement)
                new FilterSpec("本窗口待办", "我所在窗口、部门或岗位组的待认领任务, 以及点名交给我认领的任务", -5, staff,
                        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                                .orderByDueDate().asc()))) {
            ensure(spec);
        }
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
