package org.bianmin.cases.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.Disposition;
import java.util.function.Function;
import org.bianmin.rules.CompiledRuleSet;
import org.bianmin.rules.RuleEngine;
import org.bianmin.sla.TimeLimit;
import org.springframework.stereotype.Service;

/**
 * Classifies an application with the {@code classification} rule table and times it with the
 * {@code time-limits} table. The decisions are the tables'; this class only gathers the facts.
 */
@Service
public class Classifier {

    private final RuleEngine rules;

    public Classifier(RuleEngine rules) {
        this.rules = rules;
    }

    /** The application as the clerk or the portal describes it. */
    public record Application(ServiceItem item, Set<String> submittedMaterials, boolean lawful,
                              boolean consultationOnly, boolean petition, boolean major) {
    }

    public Classification classify(Application application) {
        return classify(application, rules::compiled);
    }

    /** Classifies with given rule versions, e.g. a draft in a dry run. */
    public Classification classify(Application application, Function<String, CompiledRuleSet> ruleSets) {
        ServiceItem item = application.item();
        List<Material> missing = item.materials().stream()
                .filter(m -> !application.submittedMaterials().contains(m.code())).toList();
        List<Material> missingMain = missing.stream().filter(Material::main).toList();
        List<Material> missingGeneral = missing.stream().filter(m -> !m.main()).toList();

        ApplicationFacts facts = new ApplicationFacts(item.code(), item.caseType().name(), item.approvalLevel().name(),
                item.jointDepartments().size(), item.onTheSpot(), application.lawful(), application.consultationOnly(),
                application.petition(), application.major(), missingMain.size(), missingGeneral.size());
        ClassificationOutcome outcome = new ClassificationOutcome();
        RuleEngine.Evaluation evaluation = RuleEngine.evaluate(ruleSets.apply("classification"), Map.of("outcome", outcome), facts);
        if (outcome.disposition() == null) {
            throw new IllegalStateException("classification rules " + evaluation.version() + " gave no disposition for item "
                    + item.code() + " / 分类规则未给出处理方式");
        }
        Disposition disposition = Disposition.valueOf(outcome.disposition());
        List<String> fired = new ArrayList<>(evaluation.firedRules());
        String reason = fill(outcome.reason(), missingMain, missingGeneral);

        CaseType caseType = null;
        TimeLimit timeLimit = null;
        String timeLimitVersion = null;
        if (disposition == Disposition.ACCEPTED || disposition == Disposition.SUPPLEMENT) {
            if (outcome.caseType() == null) {
                throw new IllegalStateException("classification rules gave no case type for item " + item.code()
                        + " / 分类规则未给出办件类型");
            }
            caseType = CaseType.valueOf(outcome.caseType());
            TimeLimitOutcome limit = new TimeLimitOutcome();
            RuleEngine.Evaluation timing = RuleEngine.evaluate(ruleSets.apply("time-limits"), Map.of("timeLimit", limit),
                    new TimeLimitFacts(caseType.name(), application.major(), item.promisedWorkingDays(), item.statutoryWorkingDays()));
            timeLimit = toTimeLimit(limit, item, caseType);
            timeLimitVersion = timing.version();
            fired.addAll(timing.firedRules());
        }
        // a supplement must name every missing material at once (一次性告知); a return names the missing main ones
        List<Material> toName = disposition == Disposition.RETURNED ? missingMain
                : disposition == Disposition.SUPPLEMENT ? missing : List.of();
        return new Classification(disposition, caseType, toName, reason, outcome.basis(), timeLimit,
                evaluation.version(), timeLimitVersion, fired);
    }

    private static TimeLimit toTimeLimit(TimeLimitOutcome limit, ServiceItem item, CaseType caseType) {
        Integer days = limit.itemPromisedDays() ? Integer.valueOf(item.promisedWorkingDays()) : limit.days();
        if ((days == null) == (limit.minutes() == null)) {
            throw new IllegalStateException("time-limit rules must give either working days or working minutes for "
                    + caseType + " / 时限规则必须给出工作日或工作分钟之一");
        }
        return new TimeLimit(days, limit.minutes(), limit.warnPercent(), limit.warnMinutesLeft(), limit.warnDaysLeft(),
                limit.handoverMinutes(), limit.extensionMaxDays() == null ? 0 : limit.extensionMaxDays(), limit.partPercent(),
                limit.basis(), limit.extensionMaxCount() == null ? 0 : limit.extensionMaxCount(),
                Boolean.TRUE.equals(limit.escalateToDirectors()));
    }

    private static String fill(String text, List<Material> missingMain, List<Material> missingGeneral) {
        if (text == null) {
            return null;
        }
        // the placeholders as the table names them; the earlier release's Latin ones still work in its tables
        return text.replace("{缺少的主件}", names(missingMain)).replace("{缺少的一般材料}", names(missingGeneral))
                .replace("{missingMain}", names(missingMain)).replace("{missingGeneral}", names(missingGeneral));
    }

    private static String names(List<Material> materials) {
        return materials.stream().map(Material::name).collect(Collectors.joining("、"));
    }
}
