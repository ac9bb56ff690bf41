package org.openaims.risk;

import java.time.LocalDate;

/** A treatment action is done, on {@code doneOn} (today when not given). */
public record ActionDone(LocalDate doneOn) {
}
