package org.bianmin.cases.classification;

/**
 * Filled by the time-limit table's actions (global {@code limit}). A limit is either working days
 * or working minutes; warnings come when the given share has elapsed, or when the given working
 * days / minutes are left, whichever is first.
 */
public class TimeLimitOutcome {

    private Integer days;
    private Integer minutes;
    private boolean itemPromisedDays;
    private Integer warnPercent;
    private Integer warnMinutesLeft;
    private Integer warnDaysLeft;
    private Integer handoverMinutes;
    private Integer extensionMaxDays;
    private Integer partPercent;
    private Integer extensionMaxCount;
    private Boolean escalateToDirectors;
    private String basis;

    public void days(int value) { this.days = value; }
    public void minutes(int value) { this.minutes = value; }
    public void useItemPromisedDays() { this.itemPromisedDays = true; }
    public void warnPercent(int value) { this.warnPercent = value; }
    public void warnMinutesLeft(int value) { this.warnMinutesLeft = value; }
    public void warnDaysLeft(int value) { this.warnDaysLeft = value; }
    public void handoverMinutes(int value) { this.handoverMinutes = value; }
    public void extensionMaxDays(int value) { this.extensionMaxDays = value; }
    public void partPercent(int value) { this.partPercent = value; }
    public void extensionMaxCount(int value) { this.extensionMaxCount = value; }
    public void escalateToDirectors(boolean value) { this.escalateToDirectors = value; }
    public void basis(String value) { this.basis = value; }

    public Integer days() { return days; }
    public Integer minutes() { return minutes; }
    public boolean itemPromisedDays() { return itemPromisedDays; }
    public Integer warnPercent() { return warnPercent; }
    public Integer warnMinutesLeft() { return warnMinutesLeft; }
    public Integer warnDaysLeft() { return warnDaysLeft; }
    public Integer handoverMinutes() { return handoverMinutes; }
    public Integer extensionMaxDays() { return extensionMaxDays; }
    public Integer partPercent() { return partPercent; }
    public Integer extensionMaxCount() { return extensionMaxCount; }
    public Boolean escalateToDirectors() { return escalateToDirectors; }
    public String basis() { return basis; }
}
