package org.fentrace.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.fentrace.warehouse.Warehouse;

/**
 * One run at a time per warehouse: {@code _lock} is created exclusively (an atomic create-if-absent
 * on HDFS and local file systems) and holds the holder's host, pid, run id and start time. A second
 * run fails with those named. A lock left by a process that is gone from this same host is broken
 * at once (the run died); any other lock older than the configured age can be broken with {@code
 * --force-unlock} (a younger one may belong to a run that is still going, on another host).
 */
public final class WarehouseLock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The warehouse is locked by another run. */
  public static final class HeldException extends IOException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final String runId;

  private WarehouseLock(FileSystem fs, Path path, String runId) {
    this.fs = fs;
    this.path = path;
    this.runId = runId;
  }

  public static Path path(Warehouse w) {
    return w.layout().lock();
  }

  /**
   * @param forceUnlockOlderThan with --force-unlock, a lock older than this is broken; null without
   *     it
   */
  public static WarehouseLock acquire(
      Warehouse w, String runId, Instant now, Duration forceUnlockOlderThan) throws IOException {
    FileSystem fs = w.fs();
    fs.mkdirs(w.root());
    Path p = path(w);
    String body =
        JSON.createObjectNode()
            .put("host", InetAddress.getLocalHost().getHostName())
            .put("pid", ProcessHandle.current().pid())
            .put("run_id", runId)
            .put("started_at", now.toString())
            .toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      try (OutputStream out = fs.create(p, false)) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
        return new WarehouseLock(fs, p, runId);
      } catch (FileAlreadyExistsException e) {
        JsonNode holder = readHolder(fs, p);
        Instant started =
            holder == null
                ? Instant.EPOCH
                : Instant.parse(holder.path("started_at").asText(Instant.EPOCH.toString()));
        Duration age = Duration.between(started, now);
        String who =
            holder == null
                ? "an unreadable lock file"
                : String.format(
                    "run %s on host %s, pid %s, started %s (%s ago)",
                    holder.path("run_id").asText(),
                    holder.path("host").asText(),
                    holder.path("pid").asText(),
                    started,
                    age.withNanos(0));
        if (forceUnlockOlderThan != null && age.compareTo(forceUnlockOlderThan) >= 0) {
          fs.delete(p, false);
          continue;
        }
        if (holder != null && holderIsDeadHere(holder)) {
          // The holder ran on this host and its process is gone: it died (kill -9, OOM), the lock
          // is stale.
          fs.delete(p, false);
          continue;
        }
        throw new HeldException(
            "the warehouse "
                + w.root()
                + " is locked by "
                + who
                + "; wait for that run to finish."
                + (forceUnlockOlderThan == null
                    ? " If it died, break the lock with --force-unlock (only locks older than fentrace.lock.stale-after are broken)."
                    : " The lock is younger than fentrace.lock.stale-after ("
                        + forceUnlockOlderThan
                        + "), so it was not broken."));
      }
    }
    throw new HeldException("could not take the lock " + p);
  }

  private static boolean holderIsDeadHere(JsonNode holder) throws IOException {
    if (!holder.path("host").asText().equals(InetAddress.getLocalHost().getHostName())) {
      return false;
    }
    long pid = holder.path("pid").asLong(-1);
    return pid > 0
        && pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
  }

  private static JsonNode readHolder(FileSystem fs, Path p) {
    try (InputStream in = fs.open(p)) {
      return JSON.readTree(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public String runId() {
    return runId;
  }

  @Override
  public void close() throws IOException {
    fs.delete(path, false);
  }
}
