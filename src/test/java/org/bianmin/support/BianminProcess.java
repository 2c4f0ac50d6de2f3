package org.bianmin.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bianmin as an operating system process of its own (production profile on a given PostgreSQL
 * database, demo users): to kill with SIGKILL and restart, or to run as a second node of a cluster.
 * Its output goes to a file under {@code target/}.
 */
public final class BianminProcess implements AutoCloseable {

    private final String jdbcUrl;
    private final String name;
    private final List<String> extraArguments;
    private final int port;
    private Process process;

    public BianminProcess(String name, String jdbcUrl, String... extraArguments) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.extraArguments = List.of(extraArguments);
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Starts the JVM and waits until it answers its health check (at most {@code timeout}). */
    public BianminProcess start(Duration timeout) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.bianmin.BianminApplication",
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--bianmin.demo.enabled=true",
                "--bianmin.admin.id=admin",
                "--bianmin.admin.password=" + PostgresIntegrationTest.ADMIN_PASSWORD));
        command.addAll(extraArguments);
        try {
            Path log = Path.of("target", "processes", name + ".log");
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(timeout);
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, as a power cut or {@code kill -9}. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see target/processes/" + name + ".log");
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .header("Authorization", PostgresIntegrationTest.basic("admin", PostgresIntegrationTest.ADMIN_PASSWORD))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            process.onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
        }
        kill();
        throw new IllegalStateException(name + " did not become healthy within " + timeout + ", see target/processes/" + name + ".log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        new File("target").mkdirs();
    }
}
