package org.bianmin.cases;

import java.util.List;

/**
 * What a feature that keeps records of a case adds to its timeline (accountability records, the
 * applicant's rating): the case file collects every bean of this type, so the features depend on
 * cases and not the other way round.
 */
public interface CaseTimelineSource {

    /** The feature's lines of the case's timeline, in any order. */
    List<CaseTimelineEntry> entries(String caseNumber);
}
