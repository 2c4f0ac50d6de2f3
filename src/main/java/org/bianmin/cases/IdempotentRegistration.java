package org.bianmin.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bianmin.web.ApiException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration that a portal may retry: under an {@code Idempotency-Key} the same body gives back
 * the first answer (same case number, no second case) and another body is refused with 409. The key
 * is claimed before the case is registered, in the same transaction: a concurrent retry waits for
 * the first and then reads its answer; a refused registration leaves no key behind. The Tasklist
 * intake uses the same table to refuse a double click (the same form by the same clerk twice within
 * {@link #DOUBLE_SUBMIT}).
 */
@Service
public class IdempotentRegistration {

    public static final String HEADER = "Idempotency-Key";
    static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(2);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** A registration's answer, or the stored first answer to the same key. */
    public record Answer(String json, boolean replayed) {
    }

    private final CaseRegistrationService registration;
    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    public IdempotentRegistration(CaseRegistrationService registration, IdempotencyKeys keys, ObjectMapper json) {
        this.registration = registration;
        this.keys = keys;
        this.json = json;
    }

    /** Validates the key's shape (400), before anything is looked up. */
    public static String checkKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY", HEADER + ": 须为1到200个可见 ASCII 字符 / must be 1 to 200 "
                    + "visible ASCII characters");
        }
        return key;
    }

    @Transactional
    public Answer register(RegistrationRequest request, String user, String key) {
        String hash = hash(request);
        Optional<Answer> earlier = replay(user, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        keys.claim(user, key, hash, ClockUtil.getCurrentTime().toInstant());
        RegistrationResult result = registration.register(request, user);
        String body = write(result);
        keys.answer(user, key, result.caseNumber(), body);
        return new Answer(body, false);
    }

    /** After a concurrent claim of the same key: the answer of the request that won. */
    @Transactional(readOnly = true)
    public Answer afterConcurrentClaim(RegistrationRequest request, String user, String key) {
        return replay(user, key, hash(request)).orElseThrow(() -> ApiException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS",
                "同一幂等键的请求正在处理, 请稍后重试 / a request with this key is still being processed, retry later"));
    }

    private Optional<Answer> replay(String user, String key, String hash) {
        return keys.find(user, key).map(entry -> {
            if (!entry.requestHash().equals(hash)) {
                throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED", HEADER + ": 该幂等键已用于另一份申请 / the key was used for "
                        + "another request body");
            }
            if (entry.responseBody() == null) {
                throw ApiException.conflict("IDEMPOTENCY_KEY_IN_PROGRESS", "同一幂等键的请求正在处理, 请稍后重试 / a request with "
                        + "this key is still being processed, retry later");
            }
            return new Answer(entry.responseBody(), true);
        });
    }

    /**
     * The Tasklist intake: the same form by the same clerk within {@link #DOUBLE_SUBMIT} is a double
     * click and refused; the claim is part of the registration's transaction.
     */
    public void claimTasklistSubmission(RegistrationRequest request, String user) {
        String hash = hash(request);
        String key = "tasklist-intake:" + hash;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Optional<IdempotencyKeys.Entry> earlier = keys.find(user, key);
        if (earlier.isPresent()) {
            if (earlier.get().createdAt().isAfter(now.minus(DOUBLE_SUBMIT))) {
                throw ApiException.conflict("ALREADY_SUBMITTED", "该申请刚刚已登记" + (earlier.get().caseNumber() == null ? ""
                        : "(案件编号 " + earlier.get().caseNumber() + ")") + ", 请勿重复提交 / this application was just registered");
            }
            keys.release(user, key);
        }
        keys.claim(user, key, hash, now);
    }

    /** Records the case number of a Tasklist submission claimed before. */
    public void answerTasklistSubmission(RegistrationRequest request, String user, String caseNumber) {
        keys.answer(user, "tasklist-intake:" + hash(request), caseNumber, caseNumber == null ? "" : caseNumber);
    }

    private String hash(RegistrationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(RegistrationResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
