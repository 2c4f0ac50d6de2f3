package org.bianmin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No policy value in Java: a limit, score, schedule or threshold that the regulations set lives in
 * a rule table (the hall-duties table holds the assessment's base score and the monthly due days).
 * Every numeric constant of the main code is listed here with why it is technical — an input
 * bound, a page size, a safety limit — so a new one is a decision somebody reviewed.
 */
class JavaPolicyConstantsTest {

    private static final Pattern CONSTANT = Pattern.compile(
            "static final (?:int|long|double|float|short|BigDecimal|java\\.math\\.BigDecimal|Duration|java\\.time\\.Duration) "
                    + "([A-Z][A-Z0-9_]*)\\s*=");

    /** file#constant → why it is not policy. */
    private static final Map<String, String> TECHNICAL = Map.ofEntries(
            Map.entry("CaseSearch#MAX_TEXT", "input bound"), Map.entry("CaseSearch#DEFAULT_SIZE", "page size"),
            Map.entry("CaseSearch#MAX_SIZE", "page size"),
            Map.entry("CaseRepository#MIN_CONTAINS", "a trigram's length: the shortest text an index finds anywhere"),
            Map.entry("TaskRecords#MAX_NOTE", "the note column's length"), Map.entry("CaseAdjustments#MAX_TEXT", "input bound"),
            Map.entry("IntakeDryRun#MAX_RECENT", "work bound of a dry run"), Map.entry("IntakeDryRun#MAX_EXAMPLES", "input bound"),
            Map.entry("IdempotentRegistration#DOUBLE_SUBMIT", "window of a double click"),
            Map.entry("IdempotencyKeys#KEPT", "retention of idempotency keys"),
            Map.entry("RegistrationValidator#MAX_NAME", "input bound"), Map.entry("RegistrationValidator#MAX_ORGANIZATION", "input bound"),
            Map.entry("RegistrationValidator#MAX_TEXT", "input bound"), Map.entry("RegistrationValidator#MAX_MATERIALS", "input bound"),
            Map.entry("RegistrationValidator#MAX_RECEIVED_AGE_DAYS", "plausibility of a typed date"),
            Map.entry("RegistrationValidator#CLOCK_SKEW_SECONDS", "clock skew between machines"),
            Map.entry("SlaBoardService#MAX_LISTED", "page size"),
            Map.entry("SequenceIdGenerator#BLOCK", "engine ids taken from the sequence at once"),
            Map.entry("StaffDirectory#NAMES_KEPT", "how long a display name is reused"),
            Map.entry("AssessmentService#MAX_CORRECTION", "plausibility of a typed correction"),
            Map.entry("DisciplineService#MAX_NOTE", "input bound"), Map.entry("DisciplineService#MAX_AGE_DAYS", "plausibility of a typed date"),
            Map.entry("AccountabilityService#MAX_REASON", "input bound"), Map.entry("AbsenceService#MAX_NOTE", "input bound"),
            Map.entry("RuleSetService#PUBLISH_DRY_RUN_CASES", "sample size of the pre-publication dry run"),
            Map.entry("RuleSetService#MAX_FILE_CHARS", "input bound"), Map.entry("RuleSetService#MAX_TEXT", "input bound"),
            Map.entry("RuleSetController#MAX_RECENT_CASES", "work bound of a dry run"),
            Map.entry("RuleTableSpreadsheets#MAX_ROWS", "input bound"), Map.entry("RuleTableSpreadsheets#MAX_COLUMNS", "input bound"),
            Map.entry("RulePublication#MAX_SUMMARY", "Camunda's string variable column"),
            Map.entry("RulePublication#MAX_BASIS", "input bound"), Map.entry("RulePublication#MAX_CHANGES_SHOWN", "length of a form"),
            Map.entry("RulePublication#MAX_DAYS_AHEAD", "plausibility of a typed date"),
            Map.entry("AppointmentService#MATTER_MAX", "input bound"),
            Map.entry("CalendarController#MAX_WORKING_DAYS", "work bound of a calendar query"),
            Map.entry("CalendarController#MAX_WORKING_MINUTES", "work bound of a calendar query"),
            Map.entry("WorkingCalendar#MAX_DAYS_SEARCHED", "termination of a search"),
            Map.entry("CalendarWarnings#ANNOUNCE_FROM_MONTH", "when the State Council's schedule is usually out: a reminder, no deadline"),
            Map.entry("LimitTable#LAST_COMMON_DAY", "the calendar: the last day every month has"),
            Map.entry("RuleWorkbook#MAX_ROWS", "input bound"), Map.entry("RuleWorkbook#SET_ROW", "layout of the read-me sheet"),
            Map.entry("RuleWorkbook#VERSION_ROW", "layout of the read-me sheet"),
            Map.entry("RuleWorkbook#TABLES_FROM", "layout of the read-me sheet"),
            Map.entry("AccountabilityService#MAX_STATEMENT", "input bound"),
            Map.entry("SupervisionOrders#MAX_INSTRUCTION", "input bound"), Map.entry("SupervisionOrders#MAX_REPLY", "input bound"),
            Map.entry("SupervisionOrders#MAX_REPLY_DAYS", "plausibility of a typed limit (the rule table gives the default)"),
            Map.entry("AssessmentAppeals#MAX_TEXT", "input bound"), Map.entry("AssessmentExports#HEADER_ROW", "layout of the exported sheet"),
            Map.entry("RegisterWorkbook#HEADER_ROW", "layout of an exported register"));

    @Test
    void everyNumericConstantOfTheMainCodeIsTechnical() throws IOException {
        List<String> unreviewed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = CONSTANT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = file.getFileName().toString().replace(".java", "") + "#" + m.group(1);
                    if (!TECHNICAL.containsKey(key)) {
                        unreviewed.add(key);
                    }
                }
            }
        }
        assertThat(unreviewed).as("numeric constants in Java: policy belongs in a rule table, a technical bound in this list")
                .isEmpty();
    }
}
