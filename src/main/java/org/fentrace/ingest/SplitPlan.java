package org.fentrace.ingest;

/**
 * How many byte ranges ("chunks") a landing file is parsed in, and why a file stays one task. Only
 * plain files are split: a compressed stream can only be read from its start, and a compressed file
 * is checked whole for truncation before any of its rows is used.
 *
 * @param chunks tasks that parse the file (1 = the file is read in one task)
 * @param why why the file is read in one task; null when it is split
 */
record SplitPlan(int chunks, String why) {
  static final String COMPRESSED =
      "compressed: a compressed stream is read from its start, in one task";
  static final String SMALL = "not larger than fentrace.ingest.split-bytes";

  /** The plan for a file of {@code size} bytes. */
  static SplitPlan of(long size, boolean compressed, long splitBytes) {
    if (compressed) {
      return new SplitPlan(1, COMPRESSED);
    }
    if (splitBytes <= 0 || size <= splitBytes) {
      return new SplitPlan(1, SMALL);
    }
    long chunks = (size + splitBytes - 1) / splitBytes;
    if (chunks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "fentrace.ingest.split-bytes "
              + splitBytes
              + " cuts a file of "
              + size
              + " bytes too finely");
    }
    return new SplitPlan((int) chunks, null);
  }

  boolean split() {
    return chunks > 1;
  }
}
