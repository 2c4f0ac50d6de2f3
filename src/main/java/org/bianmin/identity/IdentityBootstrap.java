package org.bianmin.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently at every start, the standard groups with their authorizations, the first
 * administrator and (when enabled) the demo organisation. Refuses to start an installation that
 * has no administrator and no password to give one.
 */
@Component
public class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final String ANY = Authorization.ANY;
    /** Processes a person starts from Tasklist's "Start process" with a form. */
    static final List<String> STARTABLE_IN_TASKLIST = List.of(
            "case-intake", "case-evaluation", "staff-absence");
    /** Processes only supervisors and directors start from Tasklist. */
    static final List<String> STARTABLE_BY_SUPERVISORS = List.of("discipline-record");
    private static final String WORKFLOW = org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final IdentityProperties properties;

    public IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, IdentityProperties properties) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.properties = properties;
    }

    public void run() {
        for (String[] group : Groups.STANDARD) {
            ensureGroup(group[0], group[1], WORKFLOW);
        }
        grantStandardAuthorizations();
        ensureAdministrator();
        if (properties.demo().enabled()) {
            createDemoOrganisation(DemoOrganisation.load());
        }
    }

    private void ensureAdministrator() {
        String adminId = properties.admin().id();
        String password = properties.admin().password();
        boolean exists = identity.createUserQuery().userId(adminId).count() > 0;
        if (!exists) {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("No administrator '" + adminId + "' exists and BIANMIN_ADMIN_PASSWORD is not set: "
                        + "set it to create the first administrator / 未设置 BIANMIN_ADMIN_PASSWORD, 无法创建首个管理员, 拒绝启动");
            }
            User admin = identity.newUser(adminId);
            admin.setFirstName("系统管理员");
            admin.setLastName(adminId);
            admin.setPassword(password);
            identity.saveUser(admin);
            log.info("Created administrator '{}'", adminId);
        }
        ensureMembership(adminId, Groups.CAMUNDA_ADMIN);
    }

    void createDemoOrganisation(DemoOrganisation org) {
        for (DemoOrganisation.Department dept : org.departments()) {
            ensureGroup(dept.id(), dept.name(), WORKFLOW);
        }
        for (DemoOrganisation.Window window : org.windows()) {
            ensureGroup(window.id(), window.name(), WORKFLOW);
        }
        for (DemoOrganisation.User person : org.users()) {
            List<String> groups = new ArrayList<>(person.groups());
            String title = person.title();
            for (DemoOrganisation.Window window : org.windows()) {
                boolean a = person.id().equals(window.a());
                if (a || person.id().equals(window.b())) {
                    groups.add(Groups.CLERKS);
                    groups.add(window.id());
                    groups.add(window.department());
                    title = window.name() + (a ? "A岗" : "B岗");
                }
            }
            if (identity.createUserQuery().userId(person.id()).count() == 0) {
                User user = identity.newUser(person.id());
                user.setFirstName(person.name());
                user.setLastName(title == null ? "" : title);
                user.setEmail(person.id() + "@demo.bianmin.local");
                user.setPassword(DemoOrganisation.PASSWORD);
                identity.saveUser(user);
            }
            groups.forEach(g -> ensureMembership(person.id(), g));
        }
        log.info("Demo organisation ready: {} users, {} windows (password '{}')",
                org.users().size(), org.windows().size(), DemoOrganisation.PASSWORD);
    }

    /**
     * The standard groups' engine authorizations, exactly (a permission granted by an earlier
     * release and no longer wanted is taken back). docs/security.md explains each.
     */
    private void grantStandardAuthorizations() {
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        String clerks = Groups.CLERKS;
        grant(clerks, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // definitions only: a clerk reads the tasks offered to him (Camunda grants those per task),
        // never other instances or their history; task cards get their values as task variables
        grant(clerks, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
        grant(clerks, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        grant(clerks, Resources.DEPLOYMENT, ANY, Permissions.READ);

        for (String watcher : List.of(Groups.SUPERVISORS, Groups.DIRECTORS)) {
            grant(watcher, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grant(watcher, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ);
            grant(watcher, Resources.TASK, ANY, Permissions.READ);
            grant(watcher, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(watcher, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(watcher, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            grant(watcher, Resources.USER, ANY, Permissions.READ);
            grant(watcher, Resources.GROUP, ANY, Permissions.READ);
        }
        grant(Groups.RULE_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // staff start only the processes that begin with a Tasklist form; the rest are started by
        // Bianmin. Each start delegate checks the starter's right to the case it names.
        for (String key : STARTABLE_IN_TASKLIST) {
            for (String staff : List.of(clerks, Groups.SUPERVISORS, Groups.DIRECTORS)) {
                grant(staff, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        for (String key : STARTABLE_BY_SUPERVISORS) {
            for (String watcher : List.of(Groups.SUPERVISORS, Groups.DIRECTORS)) {
                grant(watcher, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
    }

    /** Makes the group's grant on the resource exactly these permissions. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        AuthorizationEntity wanted = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        wanted.setResource(resource);
        wanted.setPermissions(permissions);
        if (existing instanceof AuthorizationEntity current && current.getPermissions() == wanted.getPermissions()) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
