package org.bianmin.accountability;

/**
 * What the accountability rules see of an event: its type, how many times this person had it in
 * the month (this one included) and whether it was excused (an approved extension or delay notice).
 */
public final class TriggerFact {

    private final String triggerType;
    private final int occurrence;
    private final boolean excused;

    public TriggerFact(String triggerType, int occurrence, boolean excused) {
        this.triggerType = triggerType;
        this.occurrence = occurrence;
        this.excused = excused;
    }

    public String getTriggerType() { return triggerType; }
    public int getOccurrence() { return occurrence; }
    public boolean isExcused() { return excused; }
}
