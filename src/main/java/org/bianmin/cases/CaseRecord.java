package org.bianmin.cases;

import java.time.Instant;
import java.util.List;
import org.bianmin.catalogue.CaseType;

/** A registered case as stored in {@code case_record}. */
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
        Instant endedAt) {

    public CaseRecord {
        submittedMaterials = List.copyOf(submittedMaterials);
        missingMaterials = List.copyOf(missingMaterials);
        firedRules = List.copyOf(firedRules);
    }

    public String limitText() {
        return limitDays != null ? limitDays + "个工作日" : limitMinutes != null ? limitMinutes + "分钟" : "";
    }
}
