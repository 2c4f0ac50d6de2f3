package org.bianmin.staff;

import java.util.Optional;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff and windows as Camunda's identity service knows them; checks of user and window fields. */
@Component
public class StaffDirectory {

    private final IdentityService identity;

    public StaffDirectory(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<User> user(String id) {
        return id == null || id.isBlank() ? Optional.empty()
                : Optional.ofNullable(identity.createUserQuery().userId(id.strip()).singleResult());
    }

    /** "王芳", or the id of an unknown user. */
    public String name(String id) {
        return user(id).map(User::getFirstName).orElse(id);
    }

    public boolean isMember(String userId, String groupId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    public Optional<Group> window(String id) {
        if (id == null || !id.strip().startsWith(Groups.WINDOW_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.createGroupQuery().groupId(id.strip()).singleResult());
    }

    public String windowName(String id) {
        return window(id).map(Group::getName).orElse(id);
    }

    /** The user id of a required user field, or 400 naming the field. */
    public String requireUser(String field, String chineseField, String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalidField(field, chineseField + "不能为空", "is required");
        }
        return user(id).map(User::getId).orElseThrow(() -> ApiException.invalidField(field,
                chineseField + "不存在: " + id, "unknown user " + id));
    }

    /** The group id of a required window field, or 400 naming the field. */
    public String requireWindow(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalidField(field, "窗口不能为空", "window is required");
        }
        return window(id).map(Group::getId).orElseThrow(() -> ApiException.invalidField(field,
                "窗口不存在: " + id, "unknown window " + id));
    }

    /** The group id of a required department field ({@code dept-*}), or 400 naming the field. */
    public String requireDepartment(String field, String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.invalidField(field, "部门不能为空", "department is required");
        }
        String groupId = id.strip();
        Group group = groupId.startsWith(Groups.DEPARTMENT_PREFIX)
                ? identity.createGroupQuery().groupId(groupId).singleResult() : null;
        if (group == null) {
            throw ApiException.invalidField(field, "部门不存在: " + id, "unknown department group " + id + " (dept-...)");
        }
        return group.getId();
    }

    /** "市场监督管理所", or the id of an unknown group. */
    public String groupName(String id) {
        Group group = id == null ? null : identity.createGroupQuery().groupId(id).singleResult();
        return group == null || group.getName() == null ? id : group.getName();
    }

    /** The window a staff member works at (their first {@code window-*} group), if any. */
    public Optional<String> windowOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(g -> g.startsWith(Groups.WINDOW_PREFIX)).sorted().findFirst();
    }
}
