package org.unionhub.outreach;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A follow-up task staff set: what to do and by when. */
public record TaskInput(String todo, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
}
