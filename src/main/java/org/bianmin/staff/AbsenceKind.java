package org.bianmin.staff;

/** Why a person is away from the post (去向牌). */
public enum AbsenceKind {
    LEAVE("请假"),
    BUSINESS("公出"),
    TEMPORARY("临时外出");

    private final String label;

    AbsenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
