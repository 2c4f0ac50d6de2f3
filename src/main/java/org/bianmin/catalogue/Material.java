package org.bianmin.catalogue;

/** A material an item requires; a missing main material (主件) means the application is returned. */
public record Material(String code, String name, boolean main) {
}
