package org.bianmin.assessment;

/** A window's place in the month's ranking, for the ranking table. */
public final class RankFact {

    private final int rank;
    private final int windowCount;

    public RankFact(int rank, int windowCount) {
        this.rank = rank;
        this.windowCount = windowCount;
    }

    public int getRank() { return rank; }
    public int getWindowCount() { return windowCount; }
}
