package org.bianmin.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** The service catalogue in force, loaded from {@code rules/catalogue/}; {@link #replace} swaps in a new version. */
@Service
public class CatalogueService {

    private final AtomicReference<Catalogue> current = new AtomicReference<>();

    public CatalogueService() {
        current.set(CatalogueParser.parse(bundled("items.csv"), bundled("materials.csv")));
    }

    public Catalogue catalogue() {
        return current.get();
    }

    public Optional<ServiceItem> find(String code) {
        return catalogue().find(code);
    }

    public void replace(Catalogue catalogue) {
        current.set(catalogue);
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
