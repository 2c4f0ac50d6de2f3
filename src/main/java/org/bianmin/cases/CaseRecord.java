package org.bianmin.cases;

import java.time.Instant;
import java.util.List;
import org.bianmin.catalogue.CaseType;

/** A registered case as stored in {@code case_record}; changed copies come from {@link #toBuilder()}. */
public record CaseRecord(
        String caseNumber,
        String itemCode,
        String itemName,
        String department,
        String window,
        Disposition disposition,
        CaseType caseType,
        CaseState state,
        Applicant applicant,
        boolean lawful,
        boolean petition,
        boolean major,
        List<String> submittedMaterials,
        List<String> missingMaterials,
        String reason,
        String basis,
        Instant receivedAt,
        Instant registeredAt,
        String registeredBy,
        Integer limitDays,
        Integer limitMinutes,
        int extensionMaxDays,
        Instant deadline,
        Instant warnAt,
        Instant pausedSince,
        long pausedMinutes,
        String classificationVersion,
        String timeLimitVersion,
        List<String> firedRules,
        Instant endedAt,
        ExtensionState extensionState,
        int extensionDays,
        boolean delayNotice,
        Integer handoverMinutes,
        Integer partPercent,
        String catalogueVersion,
        String calendarVersion,
        Instant supplementDue,
        int extensionMaxCount,
        int extensionsUsed,
        boolean escalateToDirectors,
        boolean commitment) {

    /** What a case number looks like: BM, the registration day, its number that day (BM20261118-0042). */
    public static final String NUMBER_PATTERN = "BM\\d{8}-\\d{4,}";

    /** Whether an extension (延期) was asked for and what the director decided. */
    public enum ExtensionState { NONE, REQUESTED, APPROVED, REFUSED }

    public CaseRecord {
        submittedMaterials = List.copyOf(submittedMaterials);
        missingMaterials = List.copyOf(missingMaterials);
        firedRules = List.copyOf(firedRules);
        extensionState = extensionState == null ? ExtensionState.NONE : extensionState;
    }

    /** 登记时已超期: received so long before it was registered that its deadline had already passed. */
    public boolean overdueAtRegistration() {
        return deadline != null && registeredAt != null && !deadline.isAfter(registeredAt);
    }

    /**
     * 逾期登记: when it was registered, the limit counted from receipt had run out or was already inside
     * its warning share; a later overdue is not the registering clerk's ordinary overdue.
     */
    public boolean lateAtRegistration() {
        return warnAt != null && registeredAt != null && !warnAt.isAfter(registeredAt);
    }

    public String limitText() {
        return limitDays != null ? limitDays + "个工作日" : limitMinutes != null ? limitMinutes + "分钟" : "";
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
            b.caseNumber = caseNumber;
            b.itemCode = itemCode;
            b.itemName = itemName;
            b.department = department;
            b.window = window;
            b.disposition = disposition;
            b.caseType = caseType;
            b.state = state;
            b.applicant = applicant;
            b.lawful = lawful;
            b.petition = petition;
            b.major = major;
            b.submittedMaterials = submittedMaterials;
            b.missingMaterials = missingMaterials;
            b.reason = reason;
            b.basis = basis;
            b.receivedAt = receivedAt;
            b.registeredAt = registeredAt;
            b.registeredBy = registeredBy;
            b.limitDays = limitDays;
            b.limitMinutes = limitMinutes;
            b.extensionMaxDays = extensionMaxDays;
            b.deadline = deadline;
            b.warnAt = warnAt;
            b.pausedSince = pausedSince;
            b.pausedMinutes = pausedMinutes;
            b.classificationVersion = classificationVersion;
            b.timeLimitVersion = timeLimitVersion;
            b.firedRules = firedRules;
            b.endedAt = endedAt;
            b.extensionState = extensionState;
            b.extensionDays = extensionDays;
            b.delayNotice = delayNotice;
            b.handoverMinutes = handoverMinutes;
            b.supplementDue = supplementDue;
            b.partPercent = partPercent;
            b.catalogueVersion = catalogueVersion;
            b.calendarVersion = calendarVersion;
            b.extensionMaxCount = extensionMaxCount;
            b.extensionsUsed = extensionsUsed;
            b.escalateToDirectors = escalateToDirectors;
            b.commitment = commitment;
        return b;
    }

    /** Builds a case record field by field. */
    public static final class Builder {
        private String caseNumber;
        private String itemCode;
        private String itemName;
        private String department;
        private String window;
        private Disposition disposition;
        private CaseType caseType;
        private CaseState state;
        private Applicant applicant;
        private boolean lawful;
        private boolean petition;
        private boolean major;
        private List<String> submittedMaterials;
        private List<String> missingMaterials;
        private String reason;
        private String basis;
        private Instant receivedAt;
        private Instant registeredAt;
        private String registeredBy;
        private Integer limitDays;
        private Integer limitMinutes;
        private int extensionMaxDays;
        private Instant deadline;
        private Instant warnAt;
        private Instant pausedSince;
        private Instant supplementDue;
        private long pausedMinutes;
        private String classificationVersion;
        private String timeLimitVersion;
        private List<String> firedRules;
        private Instant endedAt;
        private ExtensionState extensionState;
        private int extensionDays;
        private boolean delayNotice;
        private Integer handoverMinutes;
        private Integer partPercent;
        private String catalogueVersion;
        private String calendarVersion;
        private int extensionMaxCount;
        private int extensionsUsed;
        private boolean escalateToDirectors;
        private boolean commitment;

        private Builder() {
        }

        public Builder caseNumber(String value) {
            this.caseNumber = value;
            return this;
        }

        public Builder itemCode(String value) {
            this.itemCode = value;
            return this;
        }

        public Builder itemName(String value) {
            this.itemName = value;
            return this;
        }

        public Builder department(String value) {
            this.department = value;
            return this;
        }

        public Builder window(String value) {
            this.window = value;
            return this;
        }

        public Builder disposition(Disposition value) {
            this.disposition = value;
            return this;
        }

        public Builder caseType(CaseType value) {
            this.caseType = value;
            return this;
        }

        public Builder state(CaseState value) {
            this.state = value;
            return this;
        }

        public Builder applicant(Applicant value) {
            this.applicant = value;
            return this;
        }

        public Builder lawful(boolean value) {
            this.lawful = value;
            return this;
        }

        public Builder petition(boolean value) {
            this.petition = value;
            return this;
        }

        public Builder major(boolean value) {
            this.major = value;
            return this;
        }

        public Builder submittedMaterials(List<String> value) {
            this.submittedMaterials = value;
            return this;
        }

        public Builder missingMaterials(List<String> value) {
            this.missingMaterials = value;
            return this;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder basis(String value) {
            this.basis = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            this.receivedAt = value;
            return this;
        }

        public Builder registeredAt(Instant value) {
            this.registeredAt = value;
            return this;
        }

        public Builder registeredBy(String value) {
            this.registeredBy = value;
            return this;
        }

        public Builder limitDays(Integer value) {
            this.limitDays = value;
            return this;
        }

        public Builder limitMinutes(Integer value) {
            this.limitMinutes = value;
            return this;
        }

        public Builder extensionMaxDays(int value) {
            this.extensionMaxDays = value;
            return this;
        }

        public Builder deadline(Instant value) {
            this.deadline = value;
            return this;
        }

        public Builder warnAt(Instant value) {
            this.warnAt = value;
            return this;
        }

        public Builder pausedSince(Instant value) {
            this.pausedSince = value;
            return this;
        }

        public Builder pausedMinutes(long value) {
            this.pausedMinutes = value;
            return this;
        }

        public Builder classificationVersion(String value) {
            this.classificationVersion = value;
            return this;
        }

        public Builder timeLimitVersion(String value) {
            this.timeLimitVersion = value;
            return this;
        }

        public Builder firedRules(List<String> value) {
            this.firedRules = value;
            return this;
        }

        public Builder endedAt(Instant value) {
            this.endedAt = value;
            return this;
        }

        public Builder extensionState(ExtensionState value) {
            this.extensionState = value;
            return this;
        }

        public Builder extensionDays(int value) {
            this.extensionDays = value;
            return this;
        }

        public Builder delayNotice(boolean value) {
            this.delayNotice = value;
            return this;
        }

        public Builder handoverMinutes(Integer value) {
            this.handoverMinutes = value;
            return this;
        }

        public Builder partPercent(Integer value) {
            this.partPercent = value;
            return this;
        }

        public Builder catalogueVersion(String value) {
            this.catalogueVersion = value;
            return this;
        }

        public Builder calendarVersion(String value) {
            this.calendarVersion = value;
            return this;
        }

        /** 补正期限: until when the applicant may bring the missing materials (none while nothing is owed). */
        public Builder supplementDue(Instant value) {
            this.supplementDue = value;
            return this;
        }

        /** How many extensions the time-limit table allows this case (可延期次数). */
        public Builder extensionMaxCount(int value) {
            this.extensionMaxCount = value;
            return this;
        }

        /** How many extensions were asked for so far, decided or not. */
        public Builder extensionsUsed(int value) {
            this.extensionsUsed = value;
            return this;
        }

        /** Whether the time-limit table sends this case's overdue supervision to the directors too (超期另报中心领导). */
        public Builder escalateToDirectors(boolean value) {
            this.escalateToDirectors = value;
            return this;
        }

        /** 告知承诺制: accepted on the applicant's written commitment, checked after the decision. */
        public Builder commitment(boolean value) {
            this.commitment = value;
            return this;
        }

        public CaseRecord build() {
            return new CaseRecord(caseNumber, itemCode, itemName, department, window, disposition, caseType, state, applicant, lawful, petition, major, submittedMaterials, missingMaterials, reason, basis, receivedAt, registeredAt, registeredBy, limitDays, limitMinutes, extensionMaxDays, deadline, warnAt, pausedSince, pausedMinutes, classificationVersion, timeLimitVersion, firedRules, endedAt, extensionState, extensionDays, delayNotice, handoverMinutes, partPercent,
                    catalogueVersion, calendarVersion, supplementDue, extensionMaxCount, extensionsUsed, escalateToDirectors,
                    commitment);
        }
    }
}
