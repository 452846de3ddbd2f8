package org.fentrace.testing;

import org.fentrace.state.FaultInjection;

/**
 * The crash tests' fault hook: the run dies at one named point, as if its JVM had been killed
 * there.
 */
public final class Crashes {
  /**
   * Thrown at the point; PipelineRunner lets an Error through untouched, as a kill would end it.
   */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String point) {
      super("simulated crash at " + point);
    }
  }

  private Crashes() {}

  /** Installs a hook that dies at {@code point}; closing the handle restores production's hook. */
  public static AutoCloseable dieAt(String point) {
    FaultInjection.install(
        p -> {
          if (p.equals(point)) {
            throw new SimulatedCrash(p);
          }
        });
    return () -> FaultInjection.install(FaultInjection.NONE);
  }
}
