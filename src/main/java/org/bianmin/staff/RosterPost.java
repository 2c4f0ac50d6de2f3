package org.bianmin.staff;

/** A post of a window with its A person and its B person (AB岗). */
public record RosterPost(String window, String post, String a, String b) {
}
