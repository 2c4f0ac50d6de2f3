package org.bianmin.assessment;

/** What the points table sees of one assessable item: where it came from, its type, a confirmed measure. */
public final class AssessmentItem {

    private final String source;
    private final String itemType;
    private final String measure;

    public AssessmentItem(String source, String itemType, String measure) {
        this.source = source;
        this.itemType = itemType;
        this.measure = measure == null ? "" : measure;
    }

    public String getSource() { return source; }
    public String getItemType() { return itemType; }
    public String getMeasure() { return measure; }
}
