package org.bianmin.sla;

/**
 * A case's time limit as the time-limit table gives it: working days or working minutes, when to
 * warn, the window's hand-over limit, the extensions allowed (how many, of how many working days
 * each) and whether an overdue case is also escalated to the directors.
 */
public record TimeLimit(Integer days, Integer minutes, Integer warnPercent, Integer warnMinutesLeft,
                        Integer warnDaysLeft, Integer handoverMinutes, int extensionMaxDays, Integer partPercent,
                        String basis, int extensionMaxCount, boolean escalateToDirectors) {

    public String describe() {
        return days != null ? days + "个工作日" : minutes + "分钟(工作时间)";
    }
}
