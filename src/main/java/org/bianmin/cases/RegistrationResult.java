package org.bianmin.cases;

import java.time.OffsetDateTime;
import java.util.List;
import org.bianmin.catalogue.CaseType;

/**
 * The answer to a registration: {@code caseNumber} is null for a consultation, which only enters the
 * inquiry register; {@code warnings} flag e.g. a deadline counted without a working-day calendar.
 */
public record RegistrationResult(String caseNumber, Disposition disposition, String dispositionLabel, CaseType caseType,
                                 String caseTypeLabel, CaseState state, OffsetDateTime deadline, String timeLimit,
                                 List<MaterialView> missingMaterials, String reason, String basis,
                                 List<NoticeView> notices, Long inquiryId,
                                 List<String> warnings) {

    public record MaterialView(String code, String name, boolean main) {
    }

    public record NoticeView(String type, String title, int sequence, OffsetDateTime issuedAt, String url) {
    }
}
