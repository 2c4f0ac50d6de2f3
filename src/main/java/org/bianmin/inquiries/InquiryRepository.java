package org.bianmin.inquiries;

import java.sql.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code inquiry}: the first-inquiry register. */
@Repository
public class InquiryRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public InquiryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Inquiry inquiry) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into inquiry (asked_at, channel, name, organization, phone, item_code, matter, answer, referred_to, first_person)
                values (:askedAt, :channel, :name, :organization, :phone, :itemCode, :matter, :answer, :referredTo, :firstPerson)""",
                new MapSqlParameterSource()
                        .addValue("askedAt", Timestamp.from(inquiry.askedAt())).addValue("channel", inquiry.channel())
                        .addValue("name", inquiry.name()).addValue("organization", inquiry.organization())
                        .addValue("phone", inquiry.phone()).addValue("itemCode", inquiry.itemCode())
                        .addValue("matter", inquiry.matter()).addValue("answer", inquiry.answer())
                        .addValue("referredTo", inquiry.referredTo()).addValue("firstPerson", inquiry.firstPerson()),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }
}
