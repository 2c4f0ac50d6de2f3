package org.bianmin.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bianmin.rules.InForce;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The service catalogue in force: the files of {@code rules/catalogue/} until the published
 * version of the {@code catalogue} rule set is put in force ({@link CatalogueRuleSet}).
 */
@Service
public class CatalogueService {

    /** Published when a new catalogue version is in force (forms built from it follow). */
    public record CatalogueChanged(String version) {
    }

    private final InForce<Catalogue> inForce =
            new InForce<>("catalogue", "bundled", CatalogueParser.parse(bundled("items.csv"), bundled("materials.csv")));

    public Catalogue catalogue() {
        return inForce.value();
    }

    /** The version in force, e.g. {@code catalogue@v2}. */
    public String version() {
        return inForce.label();
    }

    InForce<Catalogue> inForce() {
        return inForce;
    }

    public Optional<ServiceItem> find(String code) {
        return catalogue().find(code);
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
