package org.bianmin.accountability;

/** Filled by the trigger table's actions (global {@code proposal}); no measure means no record. */
public class MeasureProposal {

    private String measure;
    private double fine;

    public void measure(String value) { this.measure = value; }
    public void fine(double value) { this.fine = value; }

    public String measure() { return measure == null || measure.isBlank() || measure.equals("无") ? null : measure; }
    public double fine() { return fine; }
}
