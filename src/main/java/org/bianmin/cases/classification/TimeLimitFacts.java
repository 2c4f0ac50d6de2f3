package org.bianmin.cases.classification;

/** What the time-limit rules see: the case type, whether the matter is major, and the item's limits. */
public final class TimeLimitFacts {

    private final String caseType;
    private final boolean major;
    private final int itemPromisedDays;
    private final int itemStatutoryDays;

    public TimeLimitFacts(String caseType, boolean major, int itemPromisedDays, int itemStatutoryDays) {
        this.caseType = caseType;
        this.major = major;
        this.itemPromisedDays = itemPromisedDays;
        this.itemStatutoryDays = itemStatutoryDays;
    }

    public String getCaseType() { return caseType; }
    public boolean isMajor() { return major; }
    public int getItemPromisedDays() { return itemPromisedDays; }
    public int getItemStatutoryDays() { return itemStatutoryDays; }
}
