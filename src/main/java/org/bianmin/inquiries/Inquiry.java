package org.bianmin.inquiries;

import java.time.Instant;

/** An entry of the first-inquiry register (首问登记). */
public record Inquiry(Long id, Instant askedAt, String channel, String name, String organization, String phone,
                      String itemCode, String matter, String answer, String referredTo, String firstPerson) {
}
