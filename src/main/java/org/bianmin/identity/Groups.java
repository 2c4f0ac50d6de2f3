package org.bianmin.identity;

import java.util.List;

/** The group ids of DESIGN.md's contract. Windows are {@code window-*}, departments {@code dept-*}. */
public final class Groups {

    public static final String CLERKS = "clerks";
    public static final String SUPERVISORS = "supervisors";
    public static final String DIRECTORS = "directors";
    public static final String RULE_ADMINS = "rule-admins";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Reads the actuator's metrics (Prometheus), nothing else. */
    public static final String MONITORING = "monitoring";

    public static final String WINDOW_PREFIX = "window-";
    public static final String DEPARTMENT_PREFIX = "dept-";

    /** The groups whose id starts with the prefix (the windows, the departments), id → name, in id order. */
    public static java.util.Map<String, String> names(org.camunda.bpm.engine.IdentityService identity, String prefix) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        identity.createGroupQuery().orderByGroupId().asc().list().stream().filter(g -> g.getId().startsWith(prefix))
                .forEach(g -> names.put(g.getId(), g.getName() == null ? g.getId() : g.getName()));
        return names;
    }

    /** Groups every installation has, with their Chinese names. */
    public static final List<String[]> STANDARD = List.of(
            new String[] {CLERKS, "窗口工作人员"},
            new String[] {SUPERVISORS, "督查(值班主任)"},
            new String[] {DIRECTORS, "中心主任/分管领导"},
            new String[] {RULE_ADMINS, "规则管理员"},
            new String[] {CAMUNDA_ADMIN, "系统管理员"},
            new String[] {MONITORING, "运行监控"});

    private Groups() {
    }
}
