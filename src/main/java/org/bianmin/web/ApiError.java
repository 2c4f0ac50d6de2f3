package org.bianmin.web;

/** The body of every 4xx answer of {@code /api/**}. */
public record ApiError(String error, String message) {
}
