package org.fentrace.state;

/**
 * The points a run passes where a crash test may stop it ({@link #at}), and the hook that decides:
 * none in production, where {@link #at} calls a hook that does nothing. A crash test installs its
 * own hook (one that throws an Error at the point it names, which nothing in the run catches, so
 * the run ends there as if the JVM had been killed: no cleanup, no lock release, no manifest) and
 * removes it afterwards.
 */
public final class FaultInjection {
  /** The points a run passes, in order. */
  public static final String AFTER_PARSE = "after-parse";

  /**
   * Between the revision decisions of the two tables: shipments are decided (and their frames
   * cached), seizures not yet.
   */
  public static final String AFTER_DECIDE_SHIPMENTS = "after-decide-shipments";

  public static final String AFTER_STAGE = "after-stage";
  public static final String MID_PUBLISH = "mid-publish";
  public static final String AFTER_PUBLISH = "after-publish";

  /**
   * Inside the publication of the tables rewritten whole: after the first trend table is moved in.
   */
  public static final String MID_PUBLISH_TRENDS = "mid-publish-trends";

  public static final String MID_PUBLISH_SENSITIVITY = "mid-publish-sensitivity";
  public static final String MID_PUBLISH_EFFECTS = "mid-publish-effects";
  public static final String MID_PUBLISH_REPORT = "mid-publish-report";

  /** What a run does when it passes a point. */
  @FunctionalInterface
  public interface Hook {
    void at(String point);
  }

  /** Production's hook: nothing happens at any point. */
  public static final Hook NONE = point -> {};

  private static volatile Hook hook = NONE;

  private FaultInjection() {}

  /** Installs the hook every later point calls (null: {@link #NONE}). */
  public static void install(Hook h) {
    hook = h == null ? NONE : h;
  }

  public static void at(String point) {
    hook.at(point);
  }
}
