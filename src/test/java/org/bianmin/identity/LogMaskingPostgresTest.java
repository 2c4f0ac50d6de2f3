package org.bianmin.identity;

import org.bianmin.support.RegisteredCases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The logging configuration masks personal data as the last line of defence: PostgreSQL's error
 * for a failed insert lists every value of the row ("Failing row contains (...)"), and logging
 * that exception must not write the ID number or the phone in clear.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingPostgresTest extends PostgresIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingPostgresTest.class);

    @Autowired JdbcTemplate jdbc;

    @Test
    void aDatabaseErrorWithAnIdNumberInFlightIsLoggedMasked(CapturedOutput output) {
        String id = RegisteredCases.idNumber("51010719791231456");
        String phone = "13987654321";
        // case_record requires an item name: the insert fails with the whole row in the driver's message
        Throwable failure = catchThrowable(() -> jdbc.update("""
                insert into case_record (case_number, item_code, item_name, department, window_group, disposition, state,
                    applicant_name, applicant_id_number, applicant_phone, lawful, petition, major, submitted_materials,
                    missing_materials, received_at, registered_at, registered_by, classification_version, fired_rules)
                values ('BM-LOG-PROBE', 'MZ-002', null, 'dept-civil', 'window-civil', 'ACCEPTED', 'IN_PROGRESS', '钱日志', ?, ?,
                    true, false, false, '', '', now(), now(), 'civil-a', 'classification@v1', '')""", id, phone));
        assertThat(failure).as("the probe must fail in the database").isNotNull();
        assertThat(failure.getMessage() + failure.getCause()).as("the driver names the values").contains(id);

        log.error("Registration failed for {} / {}", id, phone, failure);

        assertThat(output.getAll()).contains("Registration failed for 510107********" + id.substring(14) + " / 139****4321")
                .contains("Failing row contains").doesNotContain(id).doesNotContain(phone);
    }
}
