package org.bianmin.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/** The demo organisation of {@code demo/organisation.yaml}: departments, windows with their A/B posts, users. */
public record DemoOrganisation(List<Department> departments, List<Window> windows, List<User> users) {

    public static final String PASSWORD = "demo";

    public record Department(String id, String name) {
    }

    public record Window(String id, String name, String department, String post, String a, String b) {
    }

    public record User(String id, String name, String title, List<String> groups) {
        public User {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    public static DemoOrganisation load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = new ClassPathResource("demo/organisation.yaml").getInputStream()) {
            return yaml.readValue(in, DemoOrganisation.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/organisation.yaml", e);
        }
    }
}
