package org.bianmin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/security.md states exactly the policy of {@link Action}: one row per action, cells as the enum decides. */
class ActionDocumentTest {

    private final SecurityMatrix matrix = SecurityMatrix.read();

    @Test
    void everyActionHasItsRowAndTheRowSaysWhatTheEnumEnforces() {
        for (Action action : Action.values()) {
            List<String> expected = new ArrayList<>();
            boolean clerks = allows(action, Groups.CLERKS);
            expected.add(mark(clerks));
            expected.add(mark(clerks && action.scope() == Action.Scope.ANY));
            expected.add(mark(allows(action, Groups.SUPERVISORS)));
            expected.add(mark(allows(action, Groups.DIRECTORS)));
            expected.add(mark(allows(action, Groups.RULE_ADMINS)));
            expected.add(mark(true));
            expected.add("401");
            expected.add("401");
            assertThat(matrix.rows()).as("docs/security.md row of " + action).containsEntry(action.name(), expected);
        }
    }

    @Test
    void theDocumentHasNoRowForAnActionThatDoesNotExist() {
        List<String> known = new ArrayList<>(List.of("CALENDAR_READ", "HEALTH", "METRICS", "ENGINE_TASK_QUERY_EXPRESSION",
                "ENGINE_START_EVALUATION", "ENGINE_FILTER_CREATE", "ENGINE_DEPLOY", "ADMIN_SETUP"));
        for (Action action : Action.values()) {
            known.add(action.name());
        }
        assertThat(known).containsAll(matrix.rows().keySet());
    }

    private static boolean allows(Action action, String group) {
        return action.allows(new CurrentUser("probe", List.of(group)));
    }

    private static String mark(boolean allowed) {
        return allowed ? "✓" : "✗";
    }
}
