package org.bianmin.assessment;

/** Filled by the ranking table (global {@code ranking}). */
public class RankOutcome {

    private boolean redFlag;
    private boolean loseAwardEligibility;

    public void redFlag() { this.redFlag = true; }
    public void loseAwardEligibility() { this.loseAwardEligibility = true; }

    public boolean isRedFlag() { return redFlag; }
    public boolean losesAwardEligibility() { return loseAwardEligibility; }
}
