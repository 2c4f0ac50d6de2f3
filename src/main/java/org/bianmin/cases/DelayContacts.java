package org.bianmin.cases;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The applicant contact given with a delay-notice request, until the director's decision uses it. */
@Repository
class DelayContacts {

    private final NamedParameterJdbcTemplate jdbc;

    DelayContacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(String caseNumber, String contact) {
        jdbc.update("delete from case_delay_contact where case_number = :c", Map.of("c", caseNumber));
        if (contact != null && !contact.isBlank()) {
            jdbc.update("insert into case_delay_contact (case_number, contact) values (:c, :contact)",
                    Map.of("c", caseNumber, "contact", contact));
        }
    }

    Optional<String> find(String caseNumber) {
        return jdbc.queryForList("select contact from case_delay_contact where case_number = :c",
                Map.of("c", caseNumber), String.class).stream().findFirst();
    }
}
