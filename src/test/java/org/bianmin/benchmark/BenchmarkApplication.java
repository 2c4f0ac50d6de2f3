package org.bianmin.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application a benchmark measures: its own embedded PostgreSQL 17 (zonky) with the server's
 * default durability ({@code fsync} and {@code synchronous_commit} on, unlike the test suite's
 * throw-away server), a fresh database, and Bianmin booted with the production profile
 * {@code postgres} (job executor on, history FULL, authorization on, pool of 20) and the demo
 * organisation. {@code properties} are further {@code --name=value} arguments (a setting under test).
 */
final class BenchmarkApplication implements AutoCloseable {

    final EmbeddedPostgres postgres;
    final ConfigurableApplicationContext app;

    private BenchmarkApplication(EmbeddedPostgres postgres, ConfigurableApplicationContext app) {
        this.postgres = postgres;
        this.app = app;
    }

    static BenchmarkApplication start(String database, String... properties) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "100")
                // where the database's time goes, for the reports (TimerDrainBenchmark)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // sorted as C, classified as UTF-8 (docs/operations.md): pg_trgm indexes Chinese names only where
            // the character type knows them as letters
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0");
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException(e);
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--bianmin.demo.enabled=true",
                "--bianmin.admin.id=admin",
                "--bianmin.admin.password=" + org.bianmin.support.PostgresIntegrationTest.ADMIN_PASSWORD,
                "--server.port=0",
                "--spring.jmx.enabled=false"));
        arguments.addAll(List.of(properties));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BianminApplication.class)
                .profiles("postgres").run(arguments.toArray(String[]::new));
        return new BenchmarkApplication(postgres, app);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    int port() {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** The machine's 1-minute load average, for the report: what else ran at the time. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            app.close();
        } finally {
            postgres.close();
        }
    }
}
