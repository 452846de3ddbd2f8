package org.fentrace.ingest;

import java.io.Serializable;

/**
 * One parsing task: a whole landing file, one byte range ("chunk") of a split file, or the SHA-256
 * of a split file (hashing is sequential, so one task reads the whole file for it, next to the
 * chunk tasks).
 *
 * @param chunk the chunk's number, {@link #WHOLE} or {@link #CHECKSUM}
 * @param splitBytes nominal size of a chunk: chunk {@code i} starts after the first line feed at or
 *     after byte {@code i * splitBytes}
 */
record ParseUnit(LandingFile file, int chunk, long splitBytes) implements Serializable {
  static final int WHOLE = -2;
  static final int CHECKSUM = -1;

  static ParseUnit whole(LandingFile file) {
    return new ParseUnit(file, WHOLE, 0);
  }
}
