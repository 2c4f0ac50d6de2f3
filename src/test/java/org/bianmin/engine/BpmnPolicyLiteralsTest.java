package org.bianmin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No policy value in the BPMN: a timer or due date reads its limit from a rule table (through
 * {@code hallDutyLimits}, {@code workingTime} with a variable the registration computed, ...), never
 * from a number written into the process. Names people read are Chinese.
 */
class BpmnPolicyLiteralsTest {

    private static final Pattern DATES = Pattern.compile(
            "camunda:(?:dueDate|followUpDate)=\"([^\"]*)\"|<timeDate[^>]*>([^<]*)</timeDate>|<timeDuration[^>]*>([^<]*)</timeDuration>");
    /** A number that is not part of a quoted key ('proxy.delivery') or an identifier. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])\\d+(?![\\w'])|PT\\d|P\\d");
    private static final Pattern FLOW_NODE_NAME = Pattern.compile(
            "<(?:startEvent|endEvent|userTask|serviceTask|intermediateCatchEvent|boundaryEvent|exclusiveGateway|parallelGateway"
                    + "|subProcess|callActivity|sequenceFlow|process)\\b[^>]*\\bname=\"([^\"]*)\"");

    @Test
    void timersAndDueDatesReadTheirLimitsFromTheRuleTables() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            Matcher dates = DATES.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (dates.find()) {
                String expression = dates.group(1) != null ? dates.group(1) : dates.group(2) != null ? dates.group(2) : dates.group(3);
                if (NUMBER.matcher(expression).find()) {
                    literals.add(file.getFileName() + ": " + expression);
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theNamesOfFlowNodesAreChinese() throws IOException {
        List<String> latin = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            Matcher names = FLOW_NODE_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (names.find()) {
                // A岗 and B岗 are the posts' Chinese names (AB岗制度)
                if (names.group(1).replaceAll("A?B?岗", "").matches(".*[A-Za-z].*")) {
                    latin.add(file.getFileName() + ": " + names.group(1));
                }
            }
        }
        assertThat(latin).isEmpty();
    }

    private static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
