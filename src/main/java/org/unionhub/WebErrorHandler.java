package org.unionhub;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;
import org.unionhub.common.ConflictException;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.ValidationFailure;
import org.unionhub.common.Violation;

/**
 * Turns rule violations and scope misses into answers: for {@code /api/**} a JSON body whose
 * {@code errors} list holds a field, a stable code and a message per broken rule, with 400, 403, 404 or 409; for pages the error page. Messages name the
 * field and the rule in the caller's language.
 */
@ControllerAdvice
class WebErrorHandler {

    private final MessageSource messages;

    WebErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ValidationFailure.class)
    ModelAndView invalid(ValidationFailure failure, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, failure.violations());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, List.of(new Violation(null, "NOT_FOUND")));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, List.of(new Violation(null, e.code())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, List.of(new Violation(null, "FORBIDDEN")));
    }

    /** A body that is not JSON, or a JSON value of the wrong type: the latter names its field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            return answer(request, HttpStatus.BAD_REQUEST, List.of(new Violation(field, "FORMAT")));
        }
        return answer(request, HttpStatus.BAD_REQUEST, List.of(new Violation(null, "MALFORMED_BODY")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, List.of(new Violation(e.getName(), "FORMAT")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, List.of(new Violation(e.getParameterName(), "REQUIRED")));
    }

    private ModelAndView answer(HttpServletRequest request, HttpStatus status, List<Violation> violations) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> errors = violations.stream().map(v -> describe(v, locale)).toList();
        ModelAndView view = request.getRequestURI().startsWith("/api/")
                ? new ModelAndView(new MappingJackson2JsonView(), Map.of("errors", errors))
                : new ModelAndView("error/problem", Map.of("status", status.value(), "errors", errors));
        view.setStatus(status);
        return view;
    }

    private Map<String, String> describe(Violation violation, Locale locale) {
        String message = Messages.violation(messages, violation, locale);
        return violation.field() == null
                ? Map.of("code", violation.code(), "message", message)
                : Map.of("field", violation.field(), "code", violation.code(), "message", message);
    }
}
