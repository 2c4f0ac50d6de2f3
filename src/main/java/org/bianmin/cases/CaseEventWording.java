package org.bianmin.cases;

import java.util.List;
import org.bianmin.catalogue.CaseType;
import org.bianmin.events.CaseEventType;

/** A case event's details in words, wherever a person reads them (the case file's timeline, the board's history). */
public final class CaseEventWording {

    static final String PROMISE = "容缺受理";
    static final String COMMITMENT = "告知承诺";

    private CaseEventWording() {
    }

    /** Notes in words: the codes some events keep for the rules become what they mean. */
    public static String note(CaseEventType type, String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        return switch (type) {
            case CASE_REGISTERED -> registered(details);
            case CASE_OVERDUE -> (details.contains("registeredLate=true") ? "逾期登记(收件日起算的时限在登记时已届满或已进入预警期), " : "")
                    + (details.contains("extension=APPROVED") ? "已批准延期" : "未延期")
                    + (details.contains("delayNotice=true") ? ", 已出具滞办告知" : ", 未出具滞办告知");
            case EXTENSION_REQUESTED, EXTENSION_APPROVED -> details.replaceFirst("^(\\d+); ", "$1个工作日, 理由: ");
            // a note the system wrote in both languages ("即将超期 / deadline approaching"): the Chinese
            default -> details.replaceFirst(" / [\\x00-\\x7F]*$", "");
        };
    }

    private static String registered(String details) {
        // "ACCEPTED/COMMITTED", "SUPPLEMENT/COMMITTED", "ACCEPTED/COMMITTED 容缺受理"
        for (String way : List.of(PROMISE, COMMITMENT)) {
            if (details.endsWith(" " + way)) {
                return registered(details.substring(0, details.length() - way.length() - 1)) + ", " + way;
            }
        }
        String[] parts = details.split("/");
        String disposition;
        try {
            disposition = Disposition.valueOf(parts[0]).label();
        } catch (IllegalArgumentException e) {
            disposition = parts[0];
        }
        if (parts.length < 2) {
            return disposition;
        }
        try {
            return disposition + ", " + CaseType.valueOf(parts[1]).label();
        } catch (IllegalArgumentException e) {
            return disposition + ", " + parts[1];
        }
    }
}
