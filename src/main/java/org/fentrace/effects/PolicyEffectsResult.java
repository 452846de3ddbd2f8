package org.fentrace.effects;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one policy-effects run produced: where the events came from and how many there were, the
 * {@code policy_effects} rows written and how many hold an estimate, the CSV export's path, and the
 * milliseconds of each step in the order they ran. Immutable.
 */
public record PolicyEffectsResult(
    String eventsSource,
    int events,
    long rows,
    long estimated,
    String export,
    Map<String, Long> timingsMillis) {

  public PolicyEffectsResult {
    Objects.requireNonNull(eventsSource, "eventsSource");
    Objects.requireNonNull(export, "export");
    timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
  }
}
