package org.fentrace.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fentrace.config.ConfDir;
import org.fentrace.normalize.SubstanceDictionary;

/**
 * Which scheduling reference a run reads: {@code scheduling.csv} of the launcher's configuration
 * folder ({@link ConfDir}) when it holds one, so an edit there takes effect on the next run without
 * rebuilding the jar (as the route rules and the policy events), else the copy bundled in the jar.
 * The run manifest records which one ({@link #describe}).
 */
public final class SchedulingFile {
  /** How the manifest and the report name the bundled copy. */
  public static final String BUNDLED = "bundled " + SchedulingReference.DEFAULT_RESOURCE;

  private SchedulingFile() {}

  /** The configuration folder's file, when there is one. */
  public static Optional<Path> configured() {
    return ConfDir.file(ConfDir.SCHEDULING_FILE);
  }

  /** The file a run reads: its absolute path, or {@link #BUNDLED}. */
  public static String describe() {
    return configured().map(Path::toString).orElse(BUNDLED);
  }

  /**
   * The configuration folder's file when present, else the bundled one; a bad file fails with its
   * path, line and problem.
   */
  public static SchedulingReference load() {
    Optional<Path> file = configured();
    if (file.isEmpty()) {
      return SchedulingReference.loadDefault();
    }
    try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
      return SchedulingReference.load(r, file.get().toString(), SubstanceDictionary.loadDefault());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.get(), e);
    }
  }
}
