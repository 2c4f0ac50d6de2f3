package org.bianmin.cases;

/** How an application is dealt with when a clerk registers it (限时办结分类处理). */
public enum Disposition {
    CONSULTATION("咨询件"),
    RETURNED("退回件"),
    SUPPLEMENT("补充件"),
    ACCEPTED("受理件");

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
