package org.fentrace.action;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the pipeline's actions (ingest, trends, report) share, in the manner of Iceberg's {@code
 * BaseSparkAction}: named options with defaults ({@link ActionOption}), the Spark job description
 * every job of a step carries ("fentrace NAME: what"), step timings in the order the steps ran, and
 * the description cleared when {@link #execute} ends however it ends. A subclass writes {@link
 * #run} as a short sequence of named steps, each closed by {@link #lap}, and returns an immutable
 * result.
 *
 * @param <R> the action's result
 */
public abstract class BaseAction<R> {
  protected final SparkSession spark;
  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Map<String, ActionOption<?>> known = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final StepTimings timings = new StepTimings();

  protected BaseAction(SparkSession spark, String name, List<ActionOption<?>> options) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.name = Objects.requireNonNull(name, "name");
    options.forEach(o -> known.put(o.name(), o));
  }

  /** Runs the action's steps; the job description is cleared afterwards. */
  public final R execute() throws IOException {
    try {
      return run();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** The action's steps. */
  protected abstract R run() throws IOException;

  /**
   * Sets one option by name; an unknown name or a value its option refuses throws
   * IllegalArgumentException.
   */
  protected final void set(String option, String value) {
    ActionOption<?> o = known.get(Objects.requireNonNull(option, "option name"));
    if (o == null) {
      throw new IllegalArgumentException("unknown " + name + " option '" + option + "'");
    }
    Objects.requireNonNull(value, () -> "value of option " + option);
    values.put(option, o.parse(value));
  }

  /** An option's value: as set, else its default. */
  @SuppressWarnings("unchecked")
  protected final <T> T get(ActionOption<T> option) {
    return values.containsKey(option.name())
        ? (T) values.get(option.name())
        : option.defaultValue();
  }

  /** Names the Spark jobs that follow in the UI and the logs: "fentrace NAME: what". */
  protected final void describe(String what) {
    spark.sparkContext().setJobDescription("fentrace " + name + ": " + what);
  }

  /**
   * Closes the step that started at {@code since} (System.nanoTime), records its milliseconds,
   * returns now.
   */
  protected final long lap(String step, long since) {
    long now = timings.lap(step, since);
    log.info("step {}: {} ms", step, timings.millis(step));
    return now;
  }

  /** The steps timed so far, in the order they ran (an immutable copy). */
  protected final Map<String, Long> timings() {
    return timings.asMap();
  }
}
