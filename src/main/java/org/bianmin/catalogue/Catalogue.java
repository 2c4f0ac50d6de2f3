package org.bianmin.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated version of the service catalogue. */
public final class Catalogue {

    private final Map<String, ServiceItem> items = new LinkedHashMap<>();

    public Catalogue(List<ServiceItem> items) {
        items.forEach(item -> this.items.put(item.code(), item));
    }

    public List<ServiceItem> items() {
        return List.copyOf(items.values());
    }

    public Optional<ServiceItem> find(String code) {
        return Optional.ofNullable(code == null ? null : items.get(code));
    }
}
