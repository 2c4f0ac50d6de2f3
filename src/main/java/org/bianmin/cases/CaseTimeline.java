package org.bianmin.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.engine.TaskRecords;
import org.bianmin.events.CaseEventRepository;
import org.bianmin.events.CaseEventType;
import org.bianmin.notices.Notice;
import org.bianmin.notices.NoticeRepository;
import org.bianmin.staff.StaffDirectory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Everything that happened to a case, oldest first, in one list a person reads: its events (with
 * the notes people entered, in words rather than codes), the notices it was given (each with a
 * reprint link), the tasks people completed in its processes, with who did them and the note
 * they wrote ({@link TaskRecords}: kept after the engine's history is cleaned), and what other
 * features keep of it ({@link CaseTimelineSource}).
 */
@Component
class CaseTimeline {


    private final CaseEventRepository events;
    private final NoticeRepository notices;
    private final HistoryService history;
    private final TaskRecords taskRecords;
    private final StaffDirectory directory;
    private final SystemAuthority system;
    private final List<CaseTimelineSource> sources;
    private final org.bianmin.catalogue.CatalogueService catalogue;
    private final ZoneId zone;

    CaseTimeline(CaseEventRepository events, NoticeRepository notices, HistoryService history, TaskRecords taskRecords,
                 StaffDirectory directory, SystemAuthority system, CalendarService calendars, List<CaseTimelineSource> sources,
                 org.bianmin.catalogue.CatalogueService catalogue) {
        this.taskRecords = taskRecords;
        this.catalogue = catalogue;
        this.sources = sources;
        this.events = events;
        this.notices = notices;
        this.history = history;
        this.directory = directory;
        this.system = system;
        this.zone = calendars.calendar().zone();
    }

    List<CaseTimelineEntry> of(CaseRecord c) {
        List<CaseTimelineEntry> entries = new ArrayList<>();
        for (CaseEventRepository.CaseEvent e : events.forCase(c.caseNumber())) {
            String by = e.staff() == null || e.staff().isBlank() ? null : e.staff();
            entries.add(new CaseTimelineEntry(offset(e.occurredAt()), e.type().name(), e.type().label(), by, names(by),
                    e.type() == CaseEventType.SUPPLEMENT_RECEIVED ? materials(c, e.details()) : CaseEventWording.note(e.type(), e.details()), null));
        }
        for (Notice n : notices.list(c.caseNumber())) {
            entries.add(new CaseTimelineEntry(offset(n.issuedAt()), "NOTICE_" + n.type().name(), "出具" + n.type().title()
                    + (n.sequence() > 1 ? "(第" + n.sequence() + "份)" : ""), n.issuedBy(), names(n.issuedBy()), null,
                    "/api/cases/" + c.caseNumber() + "/notices/" + n.type().slug() + "?sequence=" + n.sequence()));
        }
        entries.addAll(completedTasks(c.caseNumber()));
        sources.forEach(source -> entries.addAll(source.entries(c.caseNumber())));
        entries.sort(Comparator.comparing(CaseTimelineEntry::at));
        return entries;
    }

    /** The case's root instance, running or ended (the latest, should a case ever have had two). */
    java.util.Optional<String> rootInstanceId(String caseNumber) {
        return system.call(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseProcesses.ROOT)
                .processInstanceBusinessKey(caseNumber).rootProcessInstances().orderByProcessInstanceStartTime().desc()
                .listPage(0, 1)).stream().map(HistoricProcessInstance::getId).findFirst();
    }

    private List<CaseTimelineEntry> completedTasks(String caseNumber) {
        return taskRecords.forBusinessKey(caseNumber).stream().map(task -> new CaseTimelineEntry(offset(task.completedAt()), "TASK",
                "完成任务: " + task.taskName(), task.completedBy(), names(task.completedBy()), task.note(), null)).toList();
    }

    /** "A,B; still missing C" (material codes, as the rules read them) in the item's material names. */
    private String materials(CaseRecord c, String details) {
        if (details == null) {
            return null;
        }
        var item = catalogue.find(c.itemCode());
        java.util.function.Function<String, String> names = codes -> String.join("、", java.util.Arrays.stream(codes.split(","))
                .map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> item.flatMap(i -> i.material(code)).map(m -> m.name()).orElse(code)).toList());
        String[] parts = details.split("; still missing ");
        return "收到: " + names.apply(parts[0]) + (parts.length > 1 ? "; 仍缺: " + names.apply(parts[1]) : "");
    }

    private String names(String staff) {
        if (staff == null || staff.isBlank()) {
            return null;
        }
        return String.join("、", java.util.Arrays.stream(staff.split(",")).map(String::strip).map(directory::name).toList());
    }

    private OffsetDateTime offset(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
