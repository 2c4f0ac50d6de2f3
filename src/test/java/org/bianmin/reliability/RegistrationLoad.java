package org.bianmin.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.privacy.PersonalData;
import org.bianmin.support.PostgresIntegrationTest;

/**
 * Registrations from several threads against one node, each with its own Idempotency-Key, as a
 * portal sends them: which were acknowledged (201 with a case number) and which were in flight when
 * the node went away. Bounded by a count; stops at the first failure of each thread.
 */
final class RegistrationLoad {

    /** A request: its key, its body and the applicant's ID number. */
    record Request(String key, String body, String idNumber) {
    }

    private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Request, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<Request, String> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final String prefix;
    private final int limit;
    private Thread[] threads;

    private final int offset;

    /** {@code offset}: the first applicant number, so that loads of several rounds have different applicants. */
    RegistrationLoad(String prefix, int offset, int limit) {
        this.prefix = prefix;
        this.offset = offset;
        this.limit = limit;
    }

    void start(String url, int threadCount) {
        threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++) {
            threads[t] = new Thread(() -> run(url), prefix + "-load-" + t);
            threads[t].start();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Waits until {@code count} registrations are acknowledged, a thread has failed, or the timeout passed. */
    synchronized void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count && inFlight.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private synchronized void progressed() {
        notifyAll();
    }

    Map<Request, String> acknowledged() {
        return acknowledged;
    }

    Map<Request, String> inFlight() {
        return inFlight;
    }

    void stopAndJoin() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }

    private void run(String url) {
        while (!stopped.get()) {
            int i = next.getAndIncrement();
            if (i >= limit) {
                return;
            }
            Request request = request(i);
            try {
                HttpResponse<String> response = send(url, request);
                if (response.statusCode() != 201) {
                    inFlight.put(request, "HTTP " + response.statusCode());
                    progressed();
                    return;
                }
                acknowledged.put(request, caseNumber(response.body()));
                progressed();
            } catch (IOException | RuntimeException connectionLost) {
                inFlight.put(request, String.valueOf(connectionLost));
                progressed();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    HttpResponse<String> send(String url, Request request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/api/cases")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Idempotency-Key", request.key())
                .header("Authorization", PostgresIntegrationTest.basic("civil-a", PostgresIntegrationTest.DEMO_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String caseNumber(String body) {
        Matcher matcher = CASE_NUMBER.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no case number in " + body);
        }
        return matcher.group(1);
    }

    private Request request(int n) {
        int i = offset + n;
        String first17 = "110105" + String.format("1990%02d%02d", 1 + (i / 28_000) % 12, 1 + (i / 1000) % 28)
                + String.format("%03d", i % 1000);
        String id = first17 + PersonalData.checkCharacter(first17);
        String body = "{\"itemCode\":\"MZ-002\",\"applicant\":{\"name\":\"负载" + i + "\",\"idNumber\":\"" + id
                + "\",\"phone\":\"13700000000\"},\"materials\":[\"APPLICATION_FORM\",\"ID_CARD\",\"HARDSHIP_PROOF\"]}";
        return new Request(prefix + "-" + n, body, id);
    }
}
