package org.fentrace.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock milliseconds of named steps, in the order they ran: an action's steps ({@link
 * BaseAction#lap}) and a run's phases are timed the same way, so a manifest's figures add up.
 */
public final class StepTimings {
  private final Map<String, Long> millis = new LinkedHashMap<>();

  /**
   * Closes the step that started at {@code since} ({@link System#nanoTime()}), records its
   * milliseconds and returns now, the start of the next step.
   */
  public long lap(String step, long since) {
    long now = System.nanoTime();
    millis.put(step, (now - since) / 1_000_000);
    return now;
  }

  /** Milliseconds of a recorded step. */
  public long millis(String step) {
    return millis.get(step);
  }

  /** The steps recorded so far, in the order they ran (an immutable copy). */
  public Map<String, Long> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }
}
