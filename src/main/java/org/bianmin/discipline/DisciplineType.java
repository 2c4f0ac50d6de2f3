package org.bianmin.discipline;

/** Attendance and discipline event codes (stable, used by the API); points live in the assessment table. */
public enum DisciplineType {
    LATE("迟到"),
    EARLY_LEAVE("早退"),
    OFF_POST_OVER_30MIN("擅自离岗超过半小时"),
    UNRELATED_ACTIVITY("上班期间从事与工作无关的事项"),
    ABSENT_HALF_DAY("无故旷工半天以上"),
    MISSED_TRAINING("无故缺席学习、培训或会议"),
    FALSIFIED_LEAVE("请假弄虚作假"),
    UNCIVIL_CONDUCT("言行举止不文明"),
    UNTIDY("工作台不整洁、穿戴不整齐"),
    MATERIALS_LOST("资料不规范或资料遗失"),
    COMMENDATION("通报表彰");

    private final String label;

    DisciplineType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
