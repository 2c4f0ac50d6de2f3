package org.bianmin.web;

import org.springframework.http.HttpStatus;

/** An error the API reports as {@code {"error": code, "message": text}}; messages carry Chinese and English. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** A field that failed validation: the message names the field in both languages. */
    public static ApiException invalidField(String field, String chinese, String english) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD", field + ": " + chinese + " / " + english);
    }

    /** A JSON body was required but none came. */
    public static ApiException missingBody() {
        return badRequest("MALFORMED_JSON", "请求体不能为空 / request body is required");
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
