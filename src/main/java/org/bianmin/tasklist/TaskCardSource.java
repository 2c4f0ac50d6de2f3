package org.bianmin.tasklist;

import java.util.Map;
import java.util.Optional;

/**
 * Where a task's card comes from when its process does not hold the values: the owner of the
 * business object the task is about (a case's record). Keyed by the process's business key; empty
 * for a key that is not one of the source's objects.
 */
public interface TaskCardSource {

    /** The card columns of {@link TasklistFilters} a task carries (case number, item, masked applicant). */
    java.util.List<String> NAMES = java.util.List.of("caseNumber", "itemName", "applicant");

    Optional<Map<String, Object>> card(String businessKey);
}
