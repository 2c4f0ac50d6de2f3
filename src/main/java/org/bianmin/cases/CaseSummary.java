package org.bianmin.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.bianmin.calendar.CalendarService;
import org.bianmin.notices.NoticeRepository;
import org.camunda.bpm.engine.variable.value.TypedValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The Markdown summary of a case that Tasklist forms show (variable {@code caseSummary}), with
 * links to the printable notices, and the checklist options of its missing materials.
 */
@Component
public class CaseSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CaseViews views;
    private final NoticeRepository notices;
    private final org.bianmin.catalogue.CatalogueService catalogue;
    private final ZoneId zone;
    /** The options of an item's materials by item and catalogue version; never changed once built. */
    private final Cache<String, SpinJsonNode> itemOptions = Caffeine.newBuilder().maximumSize(5_000).build();

    public CaseSummary(CaseViews views, NoticeRepository notices, org.bianmin.catalogue.CatalogueService catalogue,
                       CalendarService calendars) {
        this.views = views;
        this.notices = notices;
        this.catalogue = catalogue;
        this.zone = calendars.calendar().zone();
    }

    public String markdown(CaseRecord c) {
        return markdown(c, notices.list(c.caseNumber()));
    }

    /** The summary with the case's notices already at hand (those just issued at registration). */
    public String markdown(CaseRecord c, List<org.bianmin.notices.Notice> issued) {
        StringBuilder md = new StringBuilder();
        md.append("**案件编号**: ").append(c.caseNumber()).append(" ([办件详情](/cases/").append(c.caseNumber()).append("))  \n")
                .append("**申请事项**: ").append(c.itemName()).append(" (").append(c.itemCode()).append(")  \n")
                .append("**申请人**: ").append(c.applicant().display()).append("  \n")
                .append("**处理方式**: ").append(c.disposition().label());
        if (c.caseType() != null) {
            md.append(" / ").append(c.caseType().label());
        }
        md.append(" — ").append(c.state().label()).append("  \n");
        if (c.deadline() != null) {
            md.append("**办结时限**: ").append(c.limitText()).append(", ")
                    .append(c.state() == CaseState.WAITING_SUPPLEMENT || c.pausedSince() != null ? "补正期间暂停计时" : "截止 " + TIME.format(c.deadline().atZone(zone)))
                    .append(c.overdueAtRegistration() ? " (逾期登记: 登记时已超期, 自收件之日起算)"
                            : c.lateAtRegistration() ? " (逾期登记: 登记时已进入预警期, 自收件之日起算)" : "")
                    .append("  \n");
        }
        Instant supplementDue = SupplementService.supplementDueWhileOwed(c);
        if (supplementDue != null) {
            md.append("**补正期限**: ").append(TIME.format(supplementDue.atZone(zone))).append("前, 逾期未补正的终止办理  \n");
        }
        if (c.reason() != null) {
            md.append("**说明**: ").append(c.reason()).append("  \n");
        }
        List<RegistrationResult.MaterialView> missing = views.materials(c, c.missingMaterials());
        if (!missing.isEmpty()) {
            md.append("\n**").append(c.state() == CaseState.RETURNED ? "缺少的主件" : "需补报的材料").append("**:\n\n");
            missing.forEach(m -> md.append("- ").append(m.name()).append(m.main() ? " (主件)" : "").append('\n'));
        }
        String links = issued.stream()
                .map(n -> "[" + n.type().title() + (n.sequence() > 1 ? "(第" + n.sequence() + "次)" : "") + "](/api/cases/"
                        + c.caseNumber() + "/notices/" + n.type().slug() + "?sequence=" + n.sequence() + ")")
                .collect(Collectors.joining(" | "));
        if (!links.isEmpty()) {
            md.append("\n**告知单(点击打印)**: ").append(links).append('\n');
        }
        return md.toString();
    }

    /** Checklist options for a Camunda Form ({@code valuesKey}): [{"label", "value"}] of the missing materials. */
    public TypedValue missingOptions(CaseRecord c) {
        return options(views.materials(c, c.missingMaterials()));
    }

    /**
     * Checklist options of every material of the case's item (a reviewer's supplement request): the
     * same for every case of the item under one catalogue version, so they are built once per both.
     */
    public TypedValue materialOptions(CaseRecord c) {
        SpinJsonNode options = itemOptions.get(c.itemCode() + "@" + catalogue.version(), key -> json(views.materials(c,
                catalogue.find(c.itemCode()).map(i -> i.materials().stream().map(org.bianmin.catalogue.Material::code).toList())
                        .orElse(List.of()))));
        return SpinValues.jsonValue(options).create();
    }

    private static TypedValue options(List<RegistrationResult.MaterialView> materials) {
        return SpinValues.jsonValue(json(materials)).create();
    }

    private static SpinJsonNode json(List<RegistrationResult.MaterialView> materials) {
        var array = Spin.JSON("[]");
        for (RegistrationResult.MaterialView m : materials) {
            array.append(Spin.JSON("{}").prop("label", m.name() + (m.main() ? " (主件)" : "")).prop("value", m.code()));
        }
        return array;
    }
}
