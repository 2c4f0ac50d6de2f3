package org.bianmin.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screens people open, called over HTTP in turn as they would be (HTTP Basic, one request at a
 * time): the supervisor's time-limit board and dashboard, a clerk's case file and case search.
 * Records each screen's latencies; any answer but 200 fails the run.
 */
final class ScreenProbe {

    private record Screen(String name, String path, String user) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final List<Screen> screens;
    private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
    private volatile boolean running;
    private volatile RuntimeException failure;

    ScreenProbe(int port, String caseNumber) {
        this.port = port;
        this.screens = List.of(
                new Screen("`GET /api/supervision/sla-board` (supervisor)", "/api/supervision/sla-board", "supervisor"),
                new Screen("`GET /api/cases/{n}` (clerk)", "/api/cases/" + caseNumber, "clerk"),
                new Screen("`GET /api/cases?q=` name (clerk)", "/api/cases?q=" + URLEncoder.encode("赵小满", StandardCharsets.UTF_8), "clerk"),
                new Screen("`GET /api/cases?q=` surname, window, days (clerk)", "/api/cases?q=" + URLEncoder.encode("王", StandardCharsets.UTF_8)
                        + "&window=window-market&from=2026-10-01&to=2026-11-18", "clerk"),
                new Screen("`GET /api/supervision/dashboard` (supervisor)", "/api/supervision/dashboard", "supervisor"));
        screens.forEach(s -> nanos.put(s.name(), new ArrayList<>()));
    }

    /**
     * Calls the screens in turn on a thread of its own until {@link #stop}, reading each answer for
     * {@code thinkMillis} before opening the next (0: back to back, a load no hall makes).
     */
    Thread start(long thinkMillis) {
        running = true;
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; running; i++) {
                    call(screens.get(i % screens.size()));
                    if (thinkMillis > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(thinkMillis));
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "screen-probe");
        thread.start();
        return thread;
    }

    void stop(Thread thread) throws InterruptedException {
        running = false;
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }

    /** {@code calls} requests in turn on this thread, after one warm-up round. */
    void run(int calls) {
        screens.forEach(this::call);
        nanos.values().forEach(List::clear);
        for (int i = 0; i < calls; i++) {
            call(screens.get(i % screens.size()));
        }
    }

    int calls() {
        return nanos.values().stream().mapToInt(List::size).sum();
    }

    private void call(Screen screen) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((screen.user() + ":demo").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + screen.path()))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(screen.path() + " answered " + response.statusCode() + ": " + response.body());
        }
        synchronized (nanos) {
            nanos.get(screen.name()).add(elapsed);
        }
    }

    /** A Markdown table: calls, p50, p95, max per screen. */
    String table() {
        StringBuilder table = new StringBuilder("| screen | calls | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n");
        synchronized (nanos) {
            nanos.forEach((name, values) -> {
                List<Long> sorted = values.stream().sorted().toList();
                table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, sorted.size(), percentile(sorted, 50),
                        percentile(sorted, 95), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6));
            });
        }
        return table.toString();
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
