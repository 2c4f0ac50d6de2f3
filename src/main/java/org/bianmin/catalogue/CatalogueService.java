package org.bianmin.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The service catalogue in force: the files of {@code rules/catalogue/} until the published
 * version of the {@code catalogue} rule set replaces them ({@link #replace}).
 */
@Service
public class CatalogueService {

    private record Versioned(String version, Catalogue catalogue) {
    }

    /** Published when a new catalogue version is in force (forms built from it follow). */
    public record CatalogueChanged(String version) {
    }

    private final AtomicReference<Versioned> current = new AtomicReference<>();

    public CatalogueService() {
        current.set(new Versioned("bundled", CatalogueParser.parse(bundled("items.csv"), bundled("materials.csv"))));
    }

    public Catalogue catalogue() {
        return current.get().catalogue();
    }

    /** The version in force, e.g. {@code catalogue@v2}. */
    public String version() {
        return current.get().version();
    }

    public Optional<ServiceItem> find(String code) {
        return catalogue().find(code);
    }

    public void replace(String version, Catalogue catalogue) {
        current.set(new Versioned(version, catalogue));
    }

    static String bundled(String file) {
        try {
            return new String(new ClassPathResource("rules/catalogue/" + file).getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/catalogue/" + file, e);
        }
    }
}
