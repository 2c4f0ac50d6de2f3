package org.bianmin.assessment;

/** Filled by the points table (global {@code line}): the points of one item and what they are for. */
public class ScoreLine {

    private Double points;
    private String description;

    public void points(double value) { this.points = value; }
    public void describe(String value) { this.description = value; }

    public Double points() { return points; }
    public String description() { return description; }
}
