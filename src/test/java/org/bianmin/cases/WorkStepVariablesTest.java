package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.catalogue.CaseType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The work of a case type gets the case's window exactly when its process offers a task to it. */
class WorkStepVariablesTest {

    @ParameterizedTest
    @EnumSource(CaseType.class)
    void theWindowGoesToTheWorkThatReadsIt(CaseType type) throws IOException {
        String bpmn = Files.readString(Path.of("processes", type.processKey() + ".bpmn"));
        assertThat(CaseProcesses.WINDOW_READERS.contains(type)).as(type.processKey() + " reads ${window}")
                .isEqualTo(bpmn.contains("${window}"));
    }
}
