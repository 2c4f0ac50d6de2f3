package org.bianmin.notices;

import java.time.Instant;
import java.util.List;

/** A notice issued for a case; {@code materials} are the material codes it names (supplement notices). */
public record Notice(String caseNumber, NoticeType type, int sequence, Instant issuedAt, String issuedBy,
                     List<String> materials) {

    public Notice {
        materials = List.copyOf(materials);
    }
}
