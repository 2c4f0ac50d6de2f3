package org.bianmin.cases.process;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.cases.CaseRecord;
import org.bianmin.tasklist.TaskCardSource;
import org.springframework.stereotype.Component;

/**
 * A case task's card (case number, item, masked applicant) from the case record, its owner: a
 * case's processes keep only what their gateways, timers, assignments and forms read, so most of
 * their tasks find the card values nowhere else.
 */
@Component
class CaseCards implements TaskCardSource {

    private static final Pattern CASE_NUMBER = Pattern.compile(CaseRecord.NUMBER_PATTERN);

    private final CaseAtHand cases;

    CaseCards(CaseAtHand cases) {
        this.cases = cases;
    }

    @Override
    public Optional<Map<String, Object>> card(String businessKey) {
        if (businessKey == null || !CASE_NUMBER.matcher(businessKey).matches()) {
            return Optional.empty(); // not a case: no row to look for
        }
        return cases.find(businessKey).map(c -> Map.of("caseNumber", c.caseNumber(), "itemName", c.itemName(),
                "applicant", c.applicant().display()));
    }
}
