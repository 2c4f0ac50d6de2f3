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
    /** Where the rank lies from the top, in whole percent of the windows (rank 2 of 7: 28). */
    public int getTopPercent() { return windowCount == 0 ? 0 : rank * 100 / windowCount; }
    /** Where the rank lies from the bottom, in whole percent of the windows (rank 6 of 7: 28). */
    public int getBottomPercent() { return windowCount == 0 ? 0 : (windowCount - rank + 1) * 100 / windowCount; }
}
