package org.bianmin.cases.classification;

/**
 * What the classification rules see of an application: the item's defaults and what the
 * applicant brought. Immutable; getters are what the rule tables read.
 */
public final class ApplicationFacts {

    private final String itemCode;
    private final String defaultCaseType;
    private final String approvalLevel;
    private final int jointDepartmentCount;
    private final boolean onTheSpot;
    private final boolean lawful;
    private final boolean consultationOnly;
    private final boolean petition;
    private final boolean major;
    private final int missingMainCount;
    private final int missingGeneralCount;

    public ApplicationFacts(String itemCode, String defaultCaseType, String approvalLevel, int jointDepartmentCount,
                            boolean onTheSpot, boolean lawful, boolean consultationOnly, boolean petition, boolean major,
                            int missingMainCount, int missingGeneralCount) {
        this.itemCode = itemCode;
        this.defaultCaseType = defaultCaseType;
        this.approvalLevel = approvalLevel;
        this.jointDepartmentCount = jointDepartmentCount;
        this.onTheSpot = onTheSpot;
        this.lawful = lawful;
        this.consultationOnly = consultationOnly;
        this.petition = petition;
        this.major = major;
        this.missingMainCount = missingMainCount;
        this.missingGeneralCount = missingGeneralCount;
    }

    public String getItemCode() { return itemCode; }
    public String getDefaultCaseType() { return defaultCaseType; }
    public String getApprovalLevel() { return approvalLevel; }
    public int getJointDepartmentCount() { return jointDepartmentCount; }
    public boolean isOnTheSpot() { return onTheSpot; }
    public boolean isLawful() { return lawful; }
    public boolean isConsultationOnly() { return consultationOnly; }
    public boolean isPetition() { return petition; }
    public boolean isMajor() { return major; }
    public int getMissingMainCount() { return missingMainCount; }
    public int getMissingGeneralCount() { return missingGeneralCount; }
}
