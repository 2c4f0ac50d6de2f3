package org.bianmin.inquiries;

import org.bianmin.web.Text;
import org.bianmin.web.TimeText;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bianmin.calendar.CalendarService;
import org.bianmin.engine.SystemAuthority;
import org.bianmin.privacy.PersonalData;
import org.bianmin.staff.HallTime;
import org.bianmin.staff.StaffDirectory;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-inquiry register (首问登记): the first person asked logs every inquiry; a referral to
 * another window or person becomes a Tasklist task there ({@code inquiry-referral}).
 */
@Service
public class InquiryService {

    public static final String REFERRAL_PROCESS = "inquiry-referral";
    public static final List<String> CHANNELS = List.of("WINDOW", "PHONE");

    public record InquiryRequest(@Text(max = 100) String name, @Text(max = 200) String organization, @Text(max = 20) String phone,
                                 @Text(max = 16) String channel, @TimeText String askedAt, @Text(max = 1000, multiline = true) String matter,
                                 @Text(max = 2000, multiline = true) String answer, @Text(max = 64) String referredTo, @Text(max = 64) String referredPerson) {
    }

    /** A register entry as lists show it: the phone masked. */
    public record InquiryView(long id, OffsetDateTime askedAt, String channel, String name, String organization, String phone,
                              String matter, String answer, String referredTo, String referredPerson, String firstPerson,
                              String referralAnswer, String referralAnsweredBy) {
    }

    private final InquiryRepository inquiries;
    private final StaffDirectory directory;
    private final RuntimeService runtime;
    private final SystemAuthority system;
    private final CalendarService calendars;

    InquiryService(InquiryRepository inquiries, StaffDirectory directory, RuntimeService runtime, SystemAuthority system,
                   CalendarService calendars) {
        this.inquiries = inquiries;
        this.directory = directory;
        this.runtime = runtime;
        this.system = system;
        this.calendars = calendars;
    }

    @Transactional
    public InquiryView register(InquiryRequest request, String firstPerson) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String name = required("name", "咨询人姓名", request.name(), 100);
        String matter = required("matter", "咨询事项", request.matter(), 1000);
        String channel = request.channel() == null ? "" : request.channel().strip();
        if (!CHANNELS.contains(channel)) {
            throw ApiException.invalidField("channel", "渠道必须是 WINDOW(窗口) 或 PHONE(电话)", "must be WINDOW or PHONE");
        }
        String phone = blankToNull(request.phone());
        if (phone != null && !PersonalData.isValidPhone(phone)) {
            throw ApiException.invalidField("phone", "电话号码格式不正确", "not a valid phone number");
        }
        if ("PHONE".equals(channel) && phone == null) {
            throw ApiException.invalidField("phone", "电话咨询须登记来电号码", "required for a phone inquiry");
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant askedAt = request.askedAt() == null || request.askedAt().isBlank() ? now : HallTime.parse("askedAt", request.askedAt());
        String person = blankToNull(request.referredPerson()) == null ? null
                : directory.requireUser("referredPerson", "转交人员", request.referredPerson());
        String window = blankToNull(request.referredTo()) != null ? directory.requireWindow("referredTo", request.referredTo())
                : person == null ? null : directory.windowOf(person).orElseThrow(() -> ApiException.invalidField("referredPerson",
                        "转交人员不属于任何窗口", "the person works at no window"));
        long id = inquiries.insert(new Inquiry(null, askedAt, channel, name.strip(), blankToNull(request.organization()), phone, null,
                matter, blankToNull(request.answer()), window, firstPerson));
        if (window != null) {
            inquiries.referToPerson(id, person);
            InquiryRepository.Entry entry = inquiries.find(id).orElseThrow();
            system.run(() -> runtime.startProcessInstanceByKey(REFERRAL_PROCESS, "inquiry-" + id, Variables.createVariables()
                    .putValue("inquiryId", id).putValue("referredWindow", window).putValue("referredPerson", person)
                    .putValue("summary", summary(entry))));
        }
        return view(inquiries.find(id).orElseThrow());
    }

    public List<InquiryView> list(String firstPerson, Instant from, Instant to) {
        return inquiries.list(blankToNull(firstPerson), from, to).stream().map(this::view).toList();
    }

    /** The referred window answered in Tasklist. */
    public void recordReferralAnswer(long id, String answer, String by) {
        inquiries.recordReferralAnswer(id, answer, by, ClockUtil.getCurrentTime().toInstant());
    }

    private String summary(InquiryRepository.Entry entry) {
        Inquiry i = entry.inquiry();
        ZoneId zone = calendars.calendar().zone();
        return "**首问登记 第" + i.id() + "号**  \n咨询时间: " + HallTime.show(i.askedAt(), zone)
                + "  \n渠道: " + ("PHONE".equals(i.channel()) ? "电话" : "窗口")
                + "  \n咨询人: " + i.name() + (i.organization() == null ? "" : "(" + i.organization() + ")")
                + "  \n联系电话: " + (i.phone() == null ? "无" : PersonalData.maskPhone(i.phone()))
                + "  \n咨询事项: " + i.matter()
                + "  \n首问责任人: " + directory.name(i.firstPerson())
                + (i.answer() == null ? "" : "  \n首问答复: " + i.answer());
    }

    private InquiryView view(InquiryRepository.Entry e) {
        Inquiry i = e.inquiry();
        return new InquiryView(i.id(), HallTime.local(i.askedAt(), calendars.calendar().zone()), i.channel(), i.name(),
                i.organization(), PersonalData.maskPhone(i.phone()), i.matter(), i.answer(), i.referredTo(), e.referredPerson(),
                i.firstPerson(), e.referralAnswer(), e.referralAnsweredBy());
    }

    private static String required(String field, String chinese, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, chinese + "不能为空", "is required");
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, chinese + "不能超过" + max + "字", "at most " + max + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
