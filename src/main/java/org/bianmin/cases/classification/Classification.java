package org.bianmin.cases.classification;

import java.util.List;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.Material;
import org.bianmin.cases.Disposition;
import org.bianmin.sla.TimeLimit;

/** What the rules decided for an application, and which rule versions and rows decided it. */
public record Classification(Disposition disposition, CaseType caseType, List<Material> missingMaterials,
                             String reason, String basis, TimeLimit timeLimit,
                             String classificationVersion, String timeLimitVersion, List<String> firedRules) {

    public Classification {
        missingMaterials = List.copyOf(missingMaterials);
        firedRules = List.copyOf(firedRules);
    }
}
