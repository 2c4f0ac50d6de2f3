package org.bianmin.cases;

/** Where a registered case stands. */
public enum CaseState {
    WAITING_SUPPLEMENT("待补正材料"),
    IN_PROGRESS("办理中"),
    RETURNED("已退回"),
    COMPLETED("已办结"),
    REJECTED("不予许可"),
    WITHDRAWN("已撤回"),
    /** 逾期未补正: the 补正期限 passed without the missing materials; the centre stops and tells the applicant. */
    TERMINATED("逾期未补正, 终止办理"),
    /** 告知承诺制: approved on a commitment the check found untrue; the approval is revoked. */
    REVOKED("承诺不实, 已撤销");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isEnded() {
        return this == RETURNED || this == COMPLETED || this == REJECTED || this == WITHDRAWN || this == TERMINATED
                || this == REVOKED;
    }
}
