package org.fentrace.core;

/** How sure a route rule is: the contract's route_confidence vocabulary. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW
}
