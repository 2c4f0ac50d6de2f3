package org.bianmin.accountability;

/**
 * What the accountability rules see of an event: its type, how many times this person had it in
 * the month (this one included), whether it was excused (an approved extension or delay notice) and
 * whether the case was already overdue when it was registered (登记时已超期: a back-dated application).
 */
public final class TriggerFact {

    private final String triggerType;
    private final int occurrence;
    private final boolean excused;
    private final boolean registeredLate;

    public TriggerFact(String triggerType, int occurrence, boolean excused) {
        this(triggerType, occurrence, excused, false);
    }

    public TriggerFact(String triggerType, int occurrence, boolean excused, boolean registeredLate) {
        this.triggerType = triggerType;
        this.occurrence = occurrence;
        this.excused = excused;
        this.registeredLate = registeredLate;
    }

    public String getTriggerType() { return triggerType; }
    public int getOccurrence() { return occurrence; }
    public boolean isExcused() { return excused; }
    public boolean isRegisteredLate() { return registeredLate; }
}
