package org.bianmin.cases;

import java.util.List;

/**
 * {@code POST /api/cases}: an application as the portal or a clerk enters it. Booleans may be
 * omitted ({@code lawful} defaults to true, the others to false); {@code receivedAt} is ISO-8601
 * with offset for an application that arrived by post before it was registered.
 */
public record RegistrationRequest(String itemCode, ApplicantInput applicant, List<String> materials, Boolean lawful,
                                  Boolean consultationOnly, Boolean petition, Boolean major, String receivedAt,
                                  String matter, String answer) {

    public record ApplicantInput(String name, String idNumber, String phone, String organization) {
    }
}
