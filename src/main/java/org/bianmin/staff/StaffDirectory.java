package org.bianmin.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.identity.Groups;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff and windows as Camunda's identity service knows them; checks of user and window fields. */
@Component
public class StaffDirectory {

    /**
     * How long a person's or a group's display name is reused: every case file, list, review summary
     * and overdue names people, an identity query each; a renamed person shows the new name a minute
     * later at most. Ids that are not (yet) known are looked up again each time.
     */
    static final Duration NAMES_KEPT = Duration.ofMinutes(1);

    private final IdentityService identity;
    private final SystemAuthority system;
    private final Cache<String, String> userNames = names();
    private final Cache<String, String> groupNames = names();
    private final Cache<String, String> windows = names();

    public StaffDirectory(IdentityService identity, SystemAuthority system) {
        this.identity = identity;
        this.system = system;
    }

    private static Cache<String, String> names() {
        return Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(NAMES_KEPT).build();
    }

    public Optional<User> user(String id) {
        return id == null || id.isBlank() ? Optional.empty()
                : Optional.ofNullable(identity.createUserQuery().userId(id.strip()).singleResult());
    }

    /** "王芳", or the id of an unknown user (staff names are shown to every member of staff: looked up as the application). */
    public String name(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String name = userNames.get(id.strip(), key -> system.call(() -> user(key).map(User::getFirstName).orElse(null)));
        return name == null ? id : name;
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
        if (id == null) {
            return null;
        }
        String name = groupNames.get(id, key -> system.call(() -> {
            Group group = identity.createGroupQuery().groupId(key).singleResult();
            return group == null ? null : group.getName();
        }));
        return name == null ? id : name;
    }

    /**
     * The window a staff member works at (their first {@code window-*} group), if any. Every overdue,
     * registration and record asks it: a window found is reused for {@link #NAMES_KEPT}, so a person
     * moved to another window is attributed to the new one a minute later at most; a person without
     * a window is looked up again each time (one given a window just now is found at once).
     */
    public Optional<String> windowOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        // looked up as the application, as names are: the same answer whoever's request asks first
        return Optional.ofNullable(windows.get(userId, key -> system.call(() -> identity.createGroupQuery().groupMember(key)
                .list().stream().map(Group::getId).filter(g -> g.startsWith(Groups.WINDOW_PREFIX)).sorted().findFirst()
                .orElse(null))));
    }
}
