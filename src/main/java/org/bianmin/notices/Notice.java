package org.bianmin.notices;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notice issued for a case; {@code materials} are the material codes it names (supplement
 * notices), {@code details} the labelled facts it prints (result, new deadline, reason, approver).
 */
public record Notice(String caseNumber, NoticeType type, int sequence, Instant issuedAt, String issuedBy,
                     List<String> materials, Map<String, String> details) {

    public Notice {
        materials = List.copyOf(materials);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
