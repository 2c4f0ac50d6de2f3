package org.bianmin.cases.classification;

/** Filled by the classification table's actions (global {@code outcome}); read once the session ends. */
public class ClassificationOutcome {

    private String disposition;
    private String caseType;
    private String reason;
    private String basis;

    public void disposition(String value) { this.disposition = value; }
    public void caseType(String value) { this.caseType = value; }
    public void reason(String value) { this.reason = value; }
    public void basis(String value) { this.basis = value; }

    public String disposition() { return disposition; }
    public String caseType() { return caseType; }
    public String reason() { return reason; }
    public String basis() { return basis; }
}
