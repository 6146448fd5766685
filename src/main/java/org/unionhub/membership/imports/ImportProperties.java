package org.unionhub.membership.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code unionhub.member-imports.*}.
 *
 * @param batchSize rows committed per transaction (members, history, progress and events of a batch commit together)
 * @param checkChunk rows checked together: one look-up of existing members and one COPY into staging per chunk
 * @param pollEvery how often the worker looks for jobs to take up (it is also woken when one is asked for)
 * @param maxRows files with more data rows are refused
 */
@ConfigurationProperties("unionhub.member-imports")
record ImportProperties(@DefaultValue("2000") int batchSize, @DefaultValue("2000") int checkChunk,
        @DefaultValue("PT2S") Duration pollEvery, @DefaultValue("2000000") int maxRows) {
}
