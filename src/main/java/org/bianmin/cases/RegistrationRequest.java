package org.bianmin.cases;

import jakarta.validation.constraints.NotNull;
import org.bianmin.web.Text;
import org.bianmin.web.TimeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * {@code POST /api/cases}: an application as the portal or a clerk enters it. Booleans may be
 * omitted ({@code lawful} defaults to true, the others to false); {@code receivedAt} is ISO-8601
 * with offset for an application that arrived by post before it was registered. {@code acceptOnPromise}
 * (容缺受理): the applicant has signed a promise to bring the missing non-main materials in time, so
 * the case proceeds with its clock running; only for items the catalogue marks. {@code commitment}
 * (告知承诺制): the applicant has signed a 告知承诺书 that replaces the proofs of the non-main materials;
 * the case is accepted and checked after its decision; only for items the catalogue marks.
 */
public record RegistrationRequest(@Text(max = 32) String itemCode, @Valid ApplicantInput applicant,
                                  @Size(max = 100) List<@NotNull @Text(max = 64) String> materials, Boolean lawful,
                                  Boolean consultationOnly, Boolean petition, Boolean major, @TimeText String receivedAt,
                                  @Text(max = 1000, multiline = true) String matter, @Text(max = 1000, multiline = true) String answer,
                                  Boolean acceptOnPromise, Boolean commitment) {

    /** An application without a promise (容缺受理): what every channel but the promise sends. */
    public RegistrationRequest(String itemCode, ApplicantInput applicant, List<String> materials, Boolean lawful,
                               Boolean consultationOnly, Boolean petition, Boolean major, String receivedAt, String matter,
                               String answer) {
        this(itemCode, applicant, materials, lawful, consultationOnly, petition, major, receivedAt, matter, answer, null, null);
    }

    /** An application with or without a promise (容缺受理), without a commitment (告知承诺制). */
    public RegistrationRequest(String itemCode, ApplicantInput applicant, List<String> materials, Boolean lawful,
                               Boolean consultationOnly, Boolean petition, Boolean major, String receivedAt, String matter,
                               String answer, Boolean acceptOnPromise) {
        this(itemCode, applicant, materials, lawful, consultationOnly, petition, major, receivedAt, matter, answer,
                acceptOnPromise, null);
    }

    public record ApplicantInput(@Text(max = 100) String name, @Text(max = 18) String idNumber, @Text(max = 20) String phone,
                                 @Text(max = 200) String organization) {
    }
}
