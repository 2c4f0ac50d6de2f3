package org.bianmin.events;

/** Typed events the processes and services emit; accountability and assessment rules read them. */
public enum CaseEventType {
    CASE_REGISTERED("登记受理"),
    SUPPLEMENT_RECEIVED("收到补正材料"),
    DENIAL_FILED("否定报备"),
    DENIAL_FILING_OVERDUE("否定报备逾期"),
    CASE_WARNING("时限预警"),
    /** Past the deadline; details say whether an extension was approved or a delay notice issued. */
    CASE_OVERDUE("超期办件"),
    /** The case's clock stopped for a supplement asked for in review. */
    CLOCK_PAUSED("暂停计时"),
    /** The clock runs again; details: the working time it stood and the deadline now. */
    CLOCK_RESUMED("恢复计时"),
    /** A supervisor or director chased an overdue case (督办); details: the note. */
    CASE_SUPERVISED("督办"),
    /** A 督办单 was issued (details: the instruction, the responsible person and the reply limit). */
    SUPERVISION_ORDERED("下达督办单"),
    /** The responsible person replied to a 督办单 (details: the reply). */
    SUPERVISION_REPLIED("督办单回复"),
    /** A 督办单's reply limit passed without a reply: the directors are told (二次督办). */
    SUPERVISION_ESCALATED("督办单逾期未回复, 报中心领导"),
    /** A director's instruction on a 督办单 not answered in time (details: the instruction). */
    SUPERVISION_SECOND("二次督办"),
    /** 逾期登记: registered when the limit counted from receipt had passed or was inside its warning share. */
    LATE_REGISTRATION("逾期登记"),
    HANDOVER_OVERDUE("移交超时"),
    FORWARD_OVERDUE("报送超时"),
    PROXY_DELIVERY_OVERDUE("代办送达超时"),
    JOINT_PART_OVERDUE("联办部门超时"),
    JOINT_PART_DONE("联办部门办结"),
    DISTRICT_RESULT_RECORDED("登记区级办理结果"),
    EXTENSION_REQUESTED("申请延期"),
    EXTENSION_APPROVED("批准延期"),
    EXTENSION_REFUSED("不批准延期"),
    DELAY_NOTICE_REQUESTED("申请滞办告知"),
    DELAY_NOTICE_ISSUED("出具滞办反馈告知书"),
    DELAY_NOTICE_REFUSED("不批准滞办告知"),
    CASE_COMPLETED("办结"),
    CASE_REJECTED("不予许可"),
    CASE_RETURNED("退回"),
    CASE_WITHDRAWN("申请人撤回"),
    CASE_TERMINATED("逾期未补正, 终止办理"),
    /** 告知承诺制: the post-decision check found the applicant's commitment true. */
    COMMITMENT_VERIFIED("承诺核查属实"),
    /** 告知承诺制: the check found the commitment untrue; the decision is revoked. */
    COMMITMENT_FALSE("承诺不实, 撤销决定"),
    /** A new calendar version moved the case's deadline or warning time (details: old → new, version). */
    CALENDAR_REPLANNED("工作日历调整, 时限重排"),
    /** Hall duties (staff rather than case events; case number may be null). */
    POST_VACANT("岗位空缺"),
    FIRST_INQUIRY_BREACH("违反首问负责制"),
    SUPPLEMENT_NOT_NOTIFIED("违反一次性告知"),
    MATERIALS_LOST("资料遗失"),
    APPOINTMENT_MISSED("预约失约"),
    COMPLAINT_VERIFIED("投诉属实"),
    COMPLAINT_REPLY_OVERDUE("投诉答复逾期"),
    BAD_EVALUATION_CONFIRMED("差评属实"),
    EVALUATION_RECTIFICATION_OVERDUE("差评整改逾期");

    private final String label;

    CaseEventType(String label) {
        this.label = label;
    }

    /** What a person reads: 超期办件, not CASE_OVERDUE. */
    public String label() {
        return label;
    }

    /** The label of a type code (the accountability records keep the code); the code itself if unknown. */
    public static String labelOf(String code) {
        for (CaseEventType type : values()) {
            if (type.name().equals(code)) {
                return type.label;
            }
        }
        return code;
    }

}
