package org.bianmin.identity;

import static org.bianmin.identity.Groups.CLERKS;
import static org.bianmin.identity.Groups.DIRECTORS;
import static org.bianmin.identity.Groups.RULE_ADMINS;
import static org.bianmin.identity.Groups.SUPERVISORS;

import java.util.List;

/**
 * Who may do what through {@code /api}: the one table of DESIGN's least privilege, written out in
 * docs/security.md (a test keeps the two equal and probes every row over HTTP). {@code camunda-admin}
 * passes every role check. A {@link Scope#CASE} action further requires a clerk to belong to the
 * case (its window, department or intake window, or he registered it); {@link Scope#SELF} limits a
 * clerk to his own records. Separation of duties (nobody decides his own request) is checked where
 * the decision is taken.
 */
public enum Action {

    CASE_REGISTER("登记申请", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_READ("查看案件", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_SEARCH("查询案件", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_NOTICE_PRINT("打印告知单", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_NOTICE_REISSUE("重新出具告知单", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_SUPPLEMENT("接收补正材料", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_EXTENSION("申请延期", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_DELAY_NOTICE("申请滞办告知", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_WITHDRAWAL("登记撤回申请", Scope.CASE, CLERKS, SUPERVISORS),
    CASE_DISTRICT_RESULT("登记区级办理结果", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_PROXY("委托代办", Scope.CASE, CLERKS, SUPERVISORS),
    CASE_PROXY_DELIVERED("确认代办送达", Scope.ANY, CLERKS, SUPERVISORS),
    CASE_PROXY_READ("查看代办", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    CASE_EVALUATION("登记好差评", Scope.CASE, CLERKS, SUPERVISORS, DIRECTORS),
    SATISFACTION_READ("查看满意率", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    SUPERVISION_READ("时限监控与督查看板", Scope.ANY, SUPERVISORS, DIRECTORS),
    SUPERVISION_ORDER("下达督办单", Scope.ANY, SUPERVISORS, DIRECTORS),
    SUPERVISION_REPLY("回复督办单", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    DENIAL_REPORT("否定报备月报", Scope.ANY, SUPERVISORS, DIRECTORS),
    ASSESSMENT_READ("查看月度考核", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    ASSESSMENT_APPEAL("考核申诉", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    ASSESSMENT_MANAGE("计算、更正、发布、导出考核", Scope.ANY, SUPERVISORS, DIRECTORS),
    DISCIPLINE_RECORD("登记考勤纪律", Scope.ANY, SUPERVISORS, DIRECTORS),
    ACCOUNTABILITY_READ("查看问责记录", Scope.SELF, CLERKS, SUPERVISORS, DIRECTORS),
    ACCOUNTABILITY_STATEMENT("陈述申辩", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    ACCOUNTABILITY_DECIDE("确认或撤销问责", Scope.ANY, SUPERVISORS, DIRECTORS),
    ROSTER_READ("查看AB岗", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    ROSTER_CHANGE("调整AB岗", Scope.ANY, SUPERVISORS),
    ABSENCE_RECORD("登记请假外出", Scope.SELF, CLERKS, SUPERVISORS, DIRECTORS),
    ABSENCE_READ("查看请假外出", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    INQUIRY_REGISTER("首问登记", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    INQUIRY_READ("查看首问登记簿", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    APPOINTMENT_BOOK("预约登记", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    APPOINTMENT_READ("查看预约", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    APPOINTMENT_CHANGE("取消、失约、不能接待", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    COMPLAINT_REGISTER("投诉登记", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    COMPLAINT_READ("查看投诉", Scope.ANY, CLERKS, SUPERVISORS, DIRECTORS),
    RULES_READ("查看规则、校验、试运行", Scope.ANY, RULE_ADMINS, SUPERVISORS, DIRECTORS),
    RULES_CHANGE("编辑、提交发布、申请回滚规则", Scope.ANY, RULE_ADMINS),
    RULES_APPROVE("审批规则发布、紧急回滚规则", Scope.ANY, DIRECTORS),
    CATALOGUE_READ("查看事项目录", Scope.ANY);

    /** What a role check alone does not decide. */
    public enum Scope {
        /** The role is enough. */
        ANY,
        /** A clerk must belong to the case. */
        CASE,
        /** A clerk acts on or reads his own records only. */
        SELF
    }

    private final String label;
    private final Scope scope;
    private final List<String> groups;

    Action(String label, Scope scope, String... groups) {
        this.label = label;
        this.scope = scope;
        this.groups = List.of(groups);
    }

    public String label() {
        return label;
    }

    public Scope scope() {
        return scope;
    }

    /** The groups allowed; empty: every authenticated user. */
    public List<String> groups() {
        return groups;
    }

    public boolean allows(CurrentUser user) {
        return groups.isEmpty() || user.isInAny(groups.toArray(String[]::new));
    }
}
