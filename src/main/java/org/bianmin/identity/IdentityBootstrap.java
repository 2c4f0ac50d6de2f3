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
            "case-intake", "case-extension", "case-delay", "case-withdrawal", "case-evaluation");
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

    private void grantStandardAuthorizations() {
        String admins = Groups.CAMUNDA_ADMIN;
        for (Resources resource : Resources.values()) {
            grant(admins, resource, Permissions.ALL);
        }
        String clerks = Groups.CLERKS;
        grant(clerks, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // READ_INSTANCE lets Tasklist show the case number, item and (masked) applicant on clerks' task cards
        grant(clerks, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE);
        grant(clerks, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE);
        grant(clerks, Resources.DEPLOYMENT, Permissions.READ);

        for (String watcher : List.of(Groups.SUPERVISORS, Groups.DIRECTORS)) {
            grant(watcher, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(watcher, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grant(watcher, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.READ);
            grant(watcher, Resources.TASK, Permissions.READ);
            grant(watcher, Resources.DEPLOYMENT, Permissions.READ);
            grant(watcher, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
            grant(watcher, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
            grant(watcher, Resources.USER, Permissions.READ);
            grant(watcher, Resources.GROUP, Permissions.READ);
        }
        grant(Groups.RULE_ADMINS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // staff start only the processes that begin with a Tasklist form; the rest are started by Bianmin
        for (String key : STARTABLE_IN_TASKLIST) {
            for (String staff : List.of(clerks, Groups.SUPERVISORS, Groups.DIRECTORS)) {
                grant(staff, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
        for (String key : STARTABLE_BY_SUPERVISORS) {
            for (String watcher : List.of(Groups.SUPERVISORS, Groups.DIRECTORS)) {
                grant(watcher, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
        }
    }

    private void grant(String groupId, Resource resource, Permission... permissions) {
        grant(groupId, resource, ANY, permissions);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
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
