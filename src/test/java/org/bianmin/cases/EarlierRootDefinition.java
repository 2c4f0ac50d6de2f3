package org.bianmin.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The root definition before supervision orders ({@code legacy-processes/case-intake-before-orders.bpmn}),
 * deployed as the latest for one registration and then followed by the current one again, so that
 * a case runs on it as a case registered before the upgrade does.
 */
final class EarlierRootDefinition {

    private static final String EARLIER = "legacy-processes/case-intake-before-orders.bpmn";

    private EarlierRootDefinition() {
    }

    /** Registers a case (with {@code register}) on the earlier root and returns its number. */
    static String registerOn(RepositoryService repository, Supplier<String> register) throws IOException {
        deploy(repository, EARLIER, EarlierRootDefinition.class.getClassLoader().getResourceAsStream(EARLIER));
        try {
            return register.get();
        } finally {
            try (InputStream current = Files.newInputStream(Path.of("processes/case-intake.bpmn"))) {
                deploy(repository, "case-intake.bpmn", current);
            }
        }
    }

    private static void deploy(RepositoryService repository, String name, InputStream bpmn) {
        // no duplicate filtering: it would skip a second deployment of the same resources under the same name
        repository.createDeployment().name("earlier root definition").addInputStream(name, bpmn).deploy();
    }
}
