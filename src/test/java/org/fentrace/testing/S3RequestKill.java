package org.fentrace.testing;

import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;

/**
 * A kill -9 of the JVM in the middle of an S3A operation, at one exact S3 request: S3A adds this
 * class to its AWS client ({@code fs.s3a.audit.execution.interceptors}), and a pipeline started in
 * a JVM of its own with the environment below halts ({@link Runtime#halt}: no shutdown hook, no
 * finally block, no lock release) just before its n-th request of one kind on a matching key.
 *
 * <ul>
 *   <li>{@value #OPERATION}: {@code CopyObject} (the key is the copy's destination) or {@code
 *       DeleteObject};
 *   <li>{@value #KEY}: a regular expression the whole key must match;
 *   <li>{@value #AT}: n, counted from 1.
 * </ul>
 *
 * <p>S3A copies and deletes in parallel; so that exactly n - 1 requests have reached the server,
 * the n-th waits for the earlier ones to be answered before it halts, and any later one waits for
 * the halt. Without the environment it does nothing.
 */
public final class S3RequestKill implements ExecutionInterceptor {
  public static final String OPERATION = "FENTRACE_TEST_S3_KILL_OPERATION";
  public static final String KEY = "FENTRACE_TEST_S3_KILL_KEY";
  public static final String AT = "FENTRACE_TEST_S3_KILL_AT";

  /** The exit status of the halted JVM: what a shell reports for a process killed by signal 9. */
  public static final int KILLED = 137;

  private static final Object LOCK = new Object();
  private static int started;
  private static int answered;

  private final String operation;
  private final Pattern key;
  private final int at;

  public S3RequestKill() {
    this(System.getenv());
  }

  S3RequestKill(Map<String, String> env) {
    operation = env.get(OPERATION);
    key = env.containsKey(KEY) ? Pattern.compile(env.get(KEY)) : null;
    at = Integer.parseInt(env.getOrDefault(AT, "0"));
  }

  /** The environment that halts a pipeline JVM before its n-th such request. */
  public static Map<String, String> environment(String operation, String keyRegex, int n) {
    return Map.of(OPERATION, operation, KEY, keyRegex, AT, Integer.toString(n));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!matches(context.request())) {
      return;
    }
    synchronized (LOCK) {
      int mine = ++started;
      if (mine < at) {
        return;
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (answered < at - 1 && System.nanoTime() < deadline) {
        waitQuietly();
      }
      if (mine == at) {
        System.err.printf(
            "S3RequestKill: halting before %s #%d of %s%n",
            operation, mine, keyOf(context.request()));
        System.err.flush();
        Runtime.getRuntime().halt(KILLED);
      }
      while (true) {
        waitQuietly(); // a later request: the halt is coming
      }
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (matches(context.request())) {
      synchronized (LOCK) {
        answered++;
        LOCK.notifyAll();
      }
    }
  }

  private boolean matches(Object request) {
    if (operation == null || key == null || at < 1) {
      return false;
    }
    String k = keyOf(request);
    return k != null
        && request.getClass().getSimpleName().startsWith(operation)
        && key.matcher(k).matches();
  }

  private static String keyOf(Object request) {
    if (request instanceof CopyObjectRequest c) {
      return c.destinationKey();
    }
    if (request instanceof DeleteObjectRequest d) {
      return d.key();
    }
    return null;
  }

  private static void waitQuietly() {
    try {
      LOCK.wait(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
