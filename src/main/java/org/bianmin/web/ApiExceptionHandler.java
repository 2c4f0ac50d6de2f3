package org.bianmin.web;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of our REST API into {@code {"error", "message"}} with a 4xx status. */
@RestControllerAdvice(basePackages = "org.bianmin")
public class ApiExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        // always JSON, whatever the client accepts: a notice page (text/html) that is not found must be a 404, not a 500
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.code(), e.getMessage()));
    }

    /** Two requests raced for something that exists once (a case's rating): the later one is refused. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicate(org.springframework.dao.DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("ALREADY_EXISTS", "该记录已存在(可能是重复提交) / it exists already (a repeated request?)"));
    }

    /**
     * A refusal raised inside the engine (a delegate's check) reaches us wrapped; anything else is
     * a fault of ours: logged with its stack, answered as a 500 in the same JSON shape.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api(api);
            }
        }
        log.error("Unexpected error in the API", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("INTERNAL_ERROR", "服务器内部错误, 请联系管理员 / internal error, please contact the administrator"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return bad("UNKNOWN_FIELD", path(unknown) + ": 未知字段, 请检查拼写 / unknown property");
        }
        if (cause instanceof StreamReadException read && read.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(read.getOriginalMessage());
            if (duplicate.find()) {
                return bad("DUPLICATE_FIELD", duplicate.group(1) + ": 字段重复出现 / duplicate property");
            }
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String why = cause instanceof ApiJson.ControlCharacterException
                    ? "不能包含控制字符 / must not contain control characters"
                    : cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                    || cause.getCause() instanceof InputCoercionException
                    ? "值的类型、范围或格式不正确 / wrong type, range or format" : "无法读取 / cannot be read";
            return bad("INVALID_FIELD", path(mapping) + ": " + why);
        }
        return bad("MALFORMED_JSON", "请求体不是有效的 JSON / request body is not valid JSON");
    }

    /** A Bean Validation refusal of a request type: the first violated field, Chinese then English. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        FieldError error = e.getBindingResult().getFieldErrors().stream()
                .min(java.util.Comparator.comparing(FieldError::getField)).orElse(null);
        if (error == null) {
            return bad("INVALID_FIELD", "请求无效 / invalid request");
        }
        return bad("INVALID_FIELD", error.getField() + ": " + error.getDefaultMessage());
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return bad("MISSING_PARAMETER", e.getParameterName() + ": 缺少参数 / parameter is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return bad("INVALID_PARAMETER", e.getName() + ": 参数格式不正确 / invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "请使用 application/json / use application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("METHOD_NOT_ALLOWED", "不支持的请求方法 / method " + e.getMethod() + " not allowed"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("NOT_FOUND", "资源不存在 / no such resource: /" + e.getResourcePath()));
    }

    private static ResponseEntity<ApiError> bad(String code, String message) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ApiError(code, message));
    }
}
