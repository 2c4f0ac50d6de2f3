package org.bianmin.assessment;

/**
 * A window's place in the month's ranking, for the ranking table. Equal scores share a place
 * (1, 1, 3); for the shares from the top a tie counts at its last place, so windows tied across the
 * line are not flagged (six of seven tied for first: no red flag), and from the bottom at its first.
 */
public final class RankFact {

    private final int rank;
    private final int windowCount;
    private final int tied;

    public RankFact(int rank, int windowCount) {
        this(rank, windowCount, 1);
    }

    /** {@code tied}: how many windows share this place (1 when none does). */
    public RankFact(int rank, int windowCount, int tied) {
        this.rank = rank;
        this.windowCount = windowCount;
        this.tied = Math.max(1, tied);
    }

    public int getRank() { return rank; }
    public int getWindowCount() { return windowCount; }
    public int getTied() { return tied; }
    /** Where the place lies from the top, in whole percent of the windows (rank 2 of 7: 28; a tie at its last place). */
    public int getTopPercent() { return windowCount == 0 ? 0 : (rank + tied - 1) * 100 / windowCount; }
    /** Where the place lies from the bottom, in whole percent of the windows (rank 6 of 7: 28; a tie at its first place). */
    public int getBottomPercent() { return windowCount == 0 ? 0 : (windowCount - rank + 1) * 100 / windowCount; }
}
