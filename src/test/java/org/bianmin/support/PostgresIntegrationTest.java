package org.bianmin.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test on a real PostgreSQL: one embedded PostgreSQL 17 (zonky) per JVM,
 * the application on a random port with the production profile {@code postgres}, the demo
 * organisation switched on and a known administrator password.
 *
 * <p>Subclasses must not add context configuration of their own (no {@code @MockitoBean},
 * {@code @TestPropertySource}, other profiles): then Spring's test context cache keeps a single
 * application for all of them, and the engine boots once per test run.
 */
@AutoConfigureObservability(tracing = false) // metrics export (and /actuator/prometheus) as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
public abstract class PostgresIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.RuntimeService engineRuntime;
    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.ManagementService engineManagement;
    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.TaskService engineTasks;
    @org.springframework.beans.factory.annotation.Autowired
    private org.camunda.bpm.engine.IdentityService engineIdentity;

    /** Authenticates as a user with the user's groups, as Tasklist does; clear it with {@code clearAuthentication}. */
    protected void authenticate(String user) {
        engineIdentity.setAuthentication(user, engineIdentity.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }

    /** Completes a task as a user with the user's groups, as Tasklist does. */
    protected void completeAs(String user, org.camunda.bpm.engine.task.Task task, java.util.Map<String, Object> variables) {
        authenticate(user);
        try {
            engineTasks.complete(task.getId(), variables);
        } finally {
            engineIdentity.clearAuthentication();
        }
    }

    /**
     * Ends a process instance a test left running. The job executor of the shared context may be
     * running one of its timers at that moment: suspend its jobs and retry on a concurrent update.
     */
    protected void endInstance(String processInstanceId) {
        for (int attempt = 1; ; attempt++) {
            try {
                engineManagement.createJobQuery().processInstanceId(processInstanceId).active().list()
                        .forEach(job -> engineManagement.suspendJobById(job.getId()));
                engineRuntime.deleteProcessInstanceIfExists(processInstanceId, "test ended", true, true, true, false);
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException concurrentJob) {
                if (attempt == 5) {
                    throw concurrentJob;
                }
            } catch (org.camunda.bpm.engine.ProcessEnginePersistenceException deadlockWithAJob) {
                // PostgreSQL chose this transaction as the victim of a deadlock with a running timer job
                if (attempt == 5 || !String.valueOf(rootMessage(deadlockWithAJob)).contains("deadlock")) {
                    throw deadlockWithAJob;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public static final String ADMIN_PASSWORD = "demo-admin-secret";
    public static final String DEMO_PASSWORD = "demo";
    /** The database of the shared application context. */
    public static final String DATABASE = "bianmin";

    private static final EmbeddedPostgres POSTGRES = startPostgres();

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void postgresProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "10");
        registry.add("bianmin.demo.enabled", () -> "true");
        registry.add("bianmin.admin.id", () -> "admin");
        registry.add("bianmin.admin.password", () -> ADMIN_PASSWORD);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    // a test database need not survive a power cut
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    // stopped after the Spring contexts (below), not concurrently with them
                    .setRegisterShutdownHook(false)
                    .start();
            // Spring Boot runs its shutdown handlers after every application context has closed; a plain
            // JVM hook would stop the server under the running engine and stall the exit of the fork
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            createDatabase(postgres, DATABASE);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** A new, empty database on the shared server, for tests that boot an application of their own. */
    public static String freshDatabase(String name) {
        createDatabase(POSTGRES, name);
        return jdbcUrl(name);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + POSTGRES.getPort() + "/" + database;
    }

    /** The password of a demo user in this context (the administrator has its own). */
    protected static String password(String user) {
        return user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
    }

    /** Sends a request to the application; I/O failures become unchecked. */
    protected <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Any request with HTTP Basic ({@code user} null: anonymous); a null body sends none. The
     * body is sent as {@code contentType} (JSON when null).
     */
    protected HttpResponse<String> send(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET of JSON with HTTP Basic ({@code user} null: anonymous). */
    protected HttpResponse<String> get(String path, String user, String password) {
        return get(path, user, password, "application/json");
    }

    /** GET with HTTP Basic ({@code user} null: anonymous) accepting the given media type. */
    protected HttpResponse<String> get(String path, String user, String password, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30)).header("Accept", accept).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
