package org.fentrace.state;

/**
 * A deterministic fault hook for crash-safety tests: when the system property {@code fentrace.fault}
 * names a point the run reaches, the run dies there as if the JVM had been killed: no cleanup, no
 * lock release, no manifest. Unset in production, where {@link #at(String)} is a property read.
 */
public final class FaultInjection {
  public static final String PROPERTY = "fentrace.fault";

  /** The points a run passes, in order. */
  public static final String AFTER_PARSE = "after-parse";
  public static final String AFTER_STAGE = "after-stage";
  public static final String MID_PUBLISH = "mid-publish";
  public static final String AFTER_PUBLISH = "after-publish";
  /** Inside the publication of the tables rewritten whole: after the first trend table is moved in. */
  public static final String MID_PUBLISH_TRENDS = "mid-publish-trends";
  public static final String MID_PUBLISH_SENSITIVITY = "mid-publish-sensitivity";
  public static final String MID_PUBLISH_REPORT = "mid-publish-report";

  /** Thrown at the configured point; PipelineRunner lets it through untouched, as a kill would. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String point) {
      super("simulated crash at " + point);
    }
  }

  private FaultInjection() {}

  public static void at(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      throw new SimulatedCrash(point);
    }
  }
}
