package org.bianmin.notices;

import java.util.List;

/**
 * Everything a printed notice shows, already in display form (ID number masked, dates formatted).
 * {@code materials} are the names the notice lists; {@code lines} are further labelled facts.
 */
public record NoticeDocument(String centreName, NoticeType type, int sequence, String caseNumber,
                             String applicantName, String applicantIdMasked, String applicantOrganization,
                             String itemName, String department, List<String> materials, String reason,
                             String basis, String deadline, String issuedDate, String clerk, List<Line> lines) {

    public record Line(String label, String value) {
    }

    public NoticeDocument {
        materials = List.copyOf(materials);
        lines = List.copyOf(lines);
    }

    public String title() {
        return type.title();
    }
}
