package org.fentrace.core;

/** How sure a route rule is: the contract's route_confidence vocabulary. */
public enum Confidence implements Vocabulary {
  HIGH,
  MEDIUM,
  LOW;

  /**
   * What the monthly aggregates and the report write for a row no route rule has run on (its {@code
   * route_confidence} is null). Not a value of the {@code route_confidence} column.
   */
  public static final String NO_RULE = "NONE";
}
