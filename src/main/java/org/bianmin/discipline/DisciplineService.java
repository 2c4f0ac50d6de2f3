package org.bianmin.discipline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records attendance and discipline events. Every check runs before anything is stored; the
 * stored event is announced in the same transaction (accountability rules may act on it).
 */
@Service
public class DisciplineService {

    static final int MAX_NOTE = 500;
    static final long MAX_AGE_DAYS = 366;

    private final DisciplineRepository repository;
    private final IdentityService identity;
    private final StaffDirectory directory;
    private final ApplicationEventPublisher publisher;

    public DisciplineService(DisciplineRepository repository, IdentityService identity, StaffDirectory directory,
                             ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.identity = identity;
        this.directory = directory;
        this.publisher = publisher;
    }

    @Transactional
    public DisciplineEvent record(String staff, String type, String occurredAt, String note, String recordedBy) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (staff == null || staff.isBlank() || identity.createUserQuery().userId(staff.strip()).count() == 0) {
            throw ApiException.invalidField("staff", "工作人员不存在: " + staff, "unknown staff " + staff);
        }
        DisciplineType kind = Arrays.stream(DisciplineType.values()).filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> ApiException.invalidField("type", "事件类型不存在: " + type,
                        "unknown type " + type + ", one of " + Arrays.toString(DisciplineType.values())));
        Instant at;
        try {
            at = occurredAt == null ? null : OffsetDateTime.parse(occurredAt.strip()).toInstant();
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw ApiException.invalidField("occurredAt", "时间格式应为带时区的 ISO-8601, 如 2026-11-20T08:45:00+08:00",
                    "must be ISO-8601 with offset, e.g. 2026-11-20T08:45:00+08:00");
        }
        if (at.isAfter(now)) {
            throw ApiException.invalidField("occurredAt", "不能是将来的时间", "must not be in the future");
        }
        if (at.isBefore(now.minusSeconds(MAX_AGE_DAYS * 86400))) {
            throw ApiException.invalidField("occurredAt", "不能早于一年前", "must not be more than a year ago");
        }
        if (note != null && note.strip().length() > MAX_NOTE) {
            throw ApiException.invalidField("note", "长度不能超过" + MAX_NOTE + "个字符", "must be at most " + MAX_NOTE + " characters");
        }
        String user = staff.strip();
        DisciplineEvent event = repository.insert(user, directory.windowOf(user).orElse(null), kind, at, note == null ? null : note.strip(), recordedBy, now);
        publisher.publishEvent(event);
        return event;
    }
}
