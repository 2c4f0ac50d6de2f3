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
 * with offset for an application that arrived by post before it was registered.
 */
public record RegistrationRequest(@Text(max = 32) String itemCode, @Valid ApplicantInput applicant,
                                  @Size(max = 100) List<@NotNull @Text(max = 64) String> materials, Boolean lawful,
                                  Boolean consultationOnly, Boolean petition, Boolean major, @TimeText String receivedAt,
                                  @Text(max = 1000, multiline = true) String matter, @Text(max = 1000, multiline = true) String answer) {

    public record ApplicantInput(@Text(max = 100) String name, @Text(max = 18) String idNumber, @Text(max = 20) String phone,
                                 @Text(max = 200) String organization) {
    }
}
