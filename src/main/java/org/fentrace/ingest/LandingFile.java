package org.fentrace.ingest;

import java.io.Serializable;
import org.fentrace.formats.HeaderMatch;

/**
 * One file found under the landing folder, with what its header said.
 *
 * @param index position in delivery order (modification time, then path): a higher index is a newer
 *     delivery
 * @param uri full Hadoop path
 * @param relativePath path below the landing folder, as stored in {@code source_file}
 * @param header the header match, null when the file could not be opened or is empty
 * @param delimiter the field delimiter chosen from the header line
 * @param problem why the file is skipped, or null when it is read
 */
public record LandingFile(
    int index,
    String uri,
    String relativePath,
    long size,
    long modificationTime,
    HeaderMatch header,
    char delimiter,
    String problem)
    implements Serializable {

  /** The same file at another position in delivery order. */
  public LandingFile withIndex(int newIndex) {
    return new LandingFile(
        newIndex, uri, relativePath, size, modificationTime, header, delimiter, problem);
  }

  /** True when the file's rows are read (normalized, or all quarantined for a missing column). */
  public boolean isRead() {
    return header != null && header.format() != null;
  }
}
