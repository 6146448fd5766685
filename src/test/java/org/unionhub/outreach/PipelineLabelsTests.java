package org.unionhub.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every pipeline state and decline reason the console shows has its label in both languages. */
class PipelineLabelsTests {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyStateAndReasonHasALabel(String file) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = PipelineLabelsTests.class.getResourceAsStream("/" + file)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Stream.of(PipelineState.values())
                .forEach(s -> assertThat(messages.getProperty("pipelineState." + s)).as(file + " " + s).isNotBlank());
        Stream.of(DeclineReason.values())
                .forEach(r -> assertThat(messages.getProperty("declineReason." + r)).as(file + " " + r).isNotBlank());
    }
}
