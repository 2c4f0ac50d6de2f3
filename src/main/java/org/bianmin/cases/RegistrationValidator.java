package org.bianmin.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.privacy.PersonalData;
import org.bianmin.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Checks a registration before anything is written: every refusal names the field, in Chinese
 * and English.
 */
@Component
public class RegistrationValidator {

    static final int MAX_NAME = 50;
    static final int MAX_ORGANIZATION = 100;
    static final int MAX_TEXT = 1000;
    static final int MAX_MATERIALS = 50;
    /** A mailed application may be registered late, but not from the future or years back. */
    static final long MAX_RECEIVED_AGE_DAYS = 366;
    static final long CLOCK_SKEW_SECONDS = 300;

    private final CatalogueService catalogue;

    public RegistrationValidator(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** A request that passed every check, normalised. */
    public record ValidApplication(ServiceItem item, Applicant applicant, Set<String> materials, boolean lawful,
                                   boolean consultationOnly, boolean petition, boolean major, Instant receivedAt,
                                   String matter, String answer, boolean acceptOnPromise, boolean commitment) {
    }

    public ValidApplication validate(RegistrationRequest request, Instant now) {
        if (request == null) {
            throw ApiException.missingBody();
        }
        String itemCode = required("itemCode", request.itemCode(), 32);
        ServiceItem item = catalogue.find(itemCode).orElseThrow(() -> new ApiException(
                org.springframework.http.HttpStatus.BAD_REQUEST, "UNKNOWN_ITEM",
                "itemCode: 事项编码不存在 " + itemCode + " / unknown item code " + itemCode));
        boolean consultationOnly = Boolean.TRUE.equals(request.consultationOnly());
        Applicant applicant = applicant(request.applicant(), consultationOnly);
        Set<String> materials = materials(request.materials(), item);
        Instant receivedAt = receivedAt(request.receivedAt(), now);
        boolean acceptOnPromise = Boolean.TRUE.equals(request.acceptOnPromise());
        boolean commitment = Boolean.TRUE.equals(request.commitment());
        if (commitment && acceptOnPromise) {
            throw ApiException.invalidField("commitment", "告知承诺与容缺受理只能选择其一",
                    "a commitment and a promise exclude each other");
        }
        if (acceptOnPromise && !item.acceptOnPromise()) {
            throw ApiException.invalidField("acceptOnPromise", "事项 " + item.name() + " 不适用容缺受理(见事项目录)",
                    "item " + item.code() + " is not marked for acceptance on a promise");
        }
        if (commitment && !item.commitment()) {
            throw ApiException.invalidField("commitment", "事项 " + item.name() + " 不适用告知承诺制(见事项目录)",
                    "item " + item.code() + " is not marked for acceptance on a commitment");
        }
        return new ValidApplication(item, applicant, materials, request.lawful() == null || request.lawful(),
                consultationOnly, Boolean.TRUE.equals(request.petition()), Boolean.TRUE.equals(request.major()),
                receivedAt, optional("matter", request.matter(), MAX_TEXT), optional("answer", request.answer(), MAX_TEXT),
                acceptOnPromise, commitment);
    }

    private static Applicant applicant(RegistrationRequest.ApplicantInput input, boolean consultationOnly) {
        if (input == null) {
            throw ApiException.invalidField("applicant", "申请人信息不能为空", "is required");
        }
        String name = required("applicant.name", input.name(), MAX_NAME);
        String idNumber = PersonalData.normalizeIdNumber(input.idNumber());
        String phone = input.phone() == null ? null : input.phone().strip();
        // someone who only asks need not give an ID number or phone; if given, they must be right
        if (!consultationOnly || (idNumber != null && !idNumber.isEmpty())) {
            required("applicant.idNumber", idNumber, 18);
            if (!PersonalData.isValidIdNumber(idNumber)) {
                throw ApiException.invalidField("applicant.idNumber",
                        "身份证号码无效(应为18位, 末位校验码符合 GB 11643)",
                        "not a valid 18-character resident ID number (GB 11643 checksum)");
            }
        }
        if (!consultationOnly || (phone != null && !phone.isEmpty())) {
            required("applicant.phone", phone, 20);
            if (!PersonalData.isValidPhone(phone)) {
                throw ApiException.invalidField("applicant.phone", "电话号码格式不正确(手机11位或区号-号码)",
                        "not a valid mobile (11 digits) or landline (area code-number) phone");
            }
        }
        String organization = optional("applicant.organization", input.organization(), MAX_ORGANIZATION);
        return new Applicant(name, emptyToNull(idNumber), emptyToNull(phone), organization);
    }

    private static Set<String> materials(List<String> codes, ServiceItem item) {
        if (codes == null) {
            return Set.of();
        }
        if (codes.size() > MAX_MATERIALS) {
            throw ApiException.invalidField("materials", "材料数量过多(最多" + MAX_MATERIALS + "项)", "too many entries (max " + MAX_MATERIALS + ")");
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || item.material(code.strip()).isEmpty()) {
                throw ApiException.invalidField("materials[" + i + "]", "事项 " + item.code() + " 没有材料 " + code,
                        "item " + item.code() + " has no material " + code);
            }
            result.add(code.strip());
        }
        return result;
    }

    private static Instant receivedAt(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("receivedAt", "时间格式应为带时区的 ISO-8601, 如 2026-11-20T09:30:00+08:00",
                    "must be ISO-8601 with offset, e.g. 2026-11-20T09:30:00+08:00");
        }
        if (at.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
            throw ApiException.invalidField("receivedAt", "收件时间不能晚于当前时间", "must not be in the future");
        }
        if (at.isBefore(now.minusSeconds(MAX_RECEIVED_AGE_DAYS * 86400))) {
            throw ApiException.invalidField("receivedAt", "收件时间不能早于一年前", "must not be more than a year ago");
        }
        return at;
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "不能为空", "is required");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw ApiException.invalidField(field, "长度不能超过" + maxLength + "个字符", "must be at most " + maxLength + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ApiException.invalidField(field, "包含非法控制字符", "contains control characters");
        }
        return stripped;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
