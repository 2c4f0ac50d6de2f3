package org.bianmin.catalogue;

/** The kinds of accepted case (受理件), each run by its own process definition. */
public enum CaseType {
    IMMEDIATE("即办件", "immediate-case"),
    COMMITTED("承诺件", "committed-case"),
    FORWARDED("上报件", "forwarded-case"),
    JOINT("联办件", "joint-case"),
    PETITION("信访件", "petition-case");

    private final String label;
    private final String processKey;

    CaseType(String label, String processKey) {
        this.label = label;
        this.processKey = processKey;
    }

    public String label() {
        return label;
    }

    public String processKey() {
        return processKey;
    }
}
