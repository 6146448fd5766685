package org.unionhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.unionhub.common.ValueProblem;
import org.unionhub.identity.AuditAction;
import org.unionhub.identity.PartnerStep;
import org.unionhub.identity.Role;
import org.unionhub.organisation.OrgKind;

/** The UI speaks Chinese with English available: both message files must say the same things. */
class MessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyCodedValueShownInTheConsoleHasALabel() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Stream.of(OrgKind.values()).forEach(k -> assertThat(keys).contains("kind." + k));
        Stream.of(Role.values()).forEach(r -> assertThat(keys).contains("role." + r));
        Stream.of(PartnerStep.values()).forEach(s -> assertThat(keys).contains("step." + s));
        Stream.of(AuditAction.values()).forEach(a -> assertThat(keys).contains("action." + a));
    }

    @Test
    void everyRuleCodeRaisedInTheCodeHasAMessage() throws IOException {
        Pattern raised = Pattern.compile("(?:\\.add\\(|ValidationFailure\\.of\\(|new Violation\\()[^,;]+, \"([A-Z_]+)\"\\)");
        Set<String> codes = new TreeSet<>();
        Stream.of(ValueProblem.values()).forEach(p -> codes.add(p.name()));
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = raised.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        assertThat(codes).contains("KIND_NOT_ALLOWED_UNDER_PARENT", "CHECK_CHARACTER_UNCONFIRMED");
        Set<String> keys = load("messages.properties").stringPropertyNames();
        codes.forEach(code -> assertThat(keys).as("message for rule %s", code).contains("error." + code));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
