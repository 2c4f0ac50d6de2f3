package org.bianmin.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bianmin.privacy.PersonalData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Cases registered through the REST API at a fixed engine time and ended again afterwards. Used by
 * composition: as a JUnit extension of a Spring test ({@code @RegisterExtension final RegisteredCases
 * cases = RegisteredCases.eachTest(this::send, this::endInstance)}: clock fixed before, cases ended and
 * clock reset after each test), or built by hand where JUnit's lifecycle does not apply (jqwik).
 */
public final class RegisteredCases implements BeforeEachCallback, AfterEachCallback {

    /** Tuesday 2026-11-24 10:00 Shanghai: a working day of the bundled calendar. */
    public static final Instant NOW = OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant();

    public interface Http {
        HttpResponse<String> send(String method, String path, String body, String user, String password);
    }

    private final Http http;
    private final Consumer<String> endInstance;
    private final boolean fixClockBeforeEach;
    private final List<String> registered = new ArrayList<>();
    private ObjectMapper json;
    private RuntimeService runtime;

    public RegisteredCases(Http http, ObjectMapper json, RuntimeService runtime, Consumer<String> endInstance) {
        this(http, endInstance, false);
        this.json = json;
        this.runtime = runtime;
    }

    private RegisteredCases(Http http, Consumer<String> endInstance, boolean fixClockBeforeEach) {
        this.http = http;
        this.endInstance = endInstance;
        this.fixClockBeforeEach = fixClockBeforeEach;
    }

    /** The extension for a Spring test: the clock at {@link #NOW} before each test, the cases ended after it. */
    public static RegisteredCases eachTest(Http http, Consumer<String> endInstance) {
        return new RegisteredCases(http, endInstance, true);
    }

    /** The same, for a test that sets the clock itself. */
    public static RegisteredCases eachTestOwnClock(Http http, Consumer<String> endInstance) {
        return new RegisteredCases(http, endInstance, false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        json = application.getBean(ObjectMapper.class);
        runtime = application.getBean(RuntimeService.class);
        if (fixClockBeforeEach) {
            fixClock();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        endAll();
    }

    public void fixClock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    /** Ends the processes of the cases registered here while the clock still stands, then resets it. */
    public void endAll() {
        try {
            for (String caseNumber : registered) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
                        .forEach(instance -> endInstance.accept(instance.getId()));
            }
        } finally {
            registered.clear();
            ClockUtil.reset();
        }
    }

    /** A case registered elsewhere (a Tasklist form) whose processes end with the others. */
    public void track(String caseNumber) {
        registered.add(caseNumber);
    }

    /** A valid ID number whose first 17 digits are given. */
    public static String idNumber(String first17) {
        return first17 + PersonalData.checkCharacter(first17);
    }

    /** A complete 临时救助申请 (MZ-002, committed case of window-civil) registered by {@code user}. */
    public String registerCivilCase(String user, String password, String idNumber, String phone) {
        return register(user, password, application("MZ-002", idNumber, phone, "APPLICATION_FORM", "ID_CARD", "HARDSHIP_PROOF"));
    }

    /** An application of MZ-002 without its main ID card: RETURNED, with a director's denial filing. */
    public String registerReturnedCase(String user, String password, String idNumber) {
        return register(user, password, application("MZ-002", idNumber, "13800138000", "APPLICATION_FORM", "HARDSHIP_PROOF"));
    }

    private String register(String user, String password, ObjectNode application) {
        HttpResponse<String> response = http.send("POST", "/api/cases", application.toString(), user, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseNumber = read(response).path("caseNumber").asText();
        registered.add(caseNumber);
        return caseNumber;
    }

    public ObjectNode application(String itemCode, String idNumber, String phone, String... materials) {
        ObjectNode request = json.createObjectNode().put("itemCode", itemCode);
        request.putObject("applicant").put("name", "钱安全").put("idNumber", idNumber).put("phone", phone);
        var list = request.putArray("materials");
        for (String material : materials) {
            list.add(material);
        }
        return request;
    }

    public JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
