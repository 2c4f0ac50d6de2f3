package org.bianmin.notices;

import java.util.Arrays;
import java.util.Optional;

/** The notices Bianmin issues to applicants; {@code slug} is the name in {@code /notices/{type}}. */
public enum NoticeType {
    ACCEPTANCE("acceptance", "受理告知单"),
    SUPPLEMENT("supplement", "补报材料通知单"),
    NON_ACCEPTANCE("non-acceptance", "不予受理情况说明单"),
    COMPLETION("completion", "办结通知书"),
    EXTENSION("extension", "延期告知书"),
    DELAY("delay", "滞办反馈告知书"),
    /** 收件回执: what the centre received, when, and the case number to ask after it — for every registered application. */
    RECEIPT("receipt", "收件回执"),
    /** 容缺受理通知书: accepted on the applicant's signed promise to bring the listed materials by the 补正期限. */
    PROMISE("promise", "容缺受理通知书"),
    /** 终止办理告知书: the 补正期限 passed without the missing materials. */
    TERMINATION("termination", "终止办理告知书"),
    /** 告知承诺书: what the applicant commits to instead of the listed proofs, the check that follows and what an untrue commitment brings. */
    COMMITMENT("commitment", "告知承诺书"),
    /** 撤销决定告知书: the check found the commitment untrue and the approval is revoked. */
    REVOCATION("revocation", "撤销决定告知书");

    private final String slug;
    private final String title;

    NoticeType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Accepts the slug or the constant name, any case. */
    public static Optional<NoticeType> parse(String text) {
        return Arrays.stream(values())
                .filter(t -> t.slug.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text))
                .findFirst();
    }
}
