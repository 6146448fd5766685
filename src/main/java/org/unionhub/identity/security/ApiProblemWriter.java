package org.unionhub.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.unionhub.Messages;
import org.unionhub.common.Violation;

/** Writes the API's error body ({@code {"errors":[{"code","message"}]}}) from security filters. */
@Component
class ApiProblemWriter {

    private final ObjectMapper json;
    private final MessageSource messages;

    ApiProblemWriter(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    void write(HttpServletResponse response, int status, String code) throws IOException {
        write(null, response, status, code);
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        var locale = request == null ? java.util.Locale.SIMPLIFIED_CHINESE : RequestContextUtils.getLocale(request);
        String message = Messages.violation(messages, new Violation(null, code), locale);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }
}
