package org.fentrace.ingest;

import java.util.Map;

/**
 * What happened to one landing file in a run: its identity, how it was read, and where every one of
 * its rows went. {@link #balanced()} is the "nothing lost" check the manifest proves per file.
 *
 * @param splits tasks that parsed the file (1 when read in one task; 0 when not read)
 * @param splitNote why a file read was not split into several tasks, else null
 */
public record FileReport(
    String path,
    String format,
    long sizeBytes,
    long modificationTime,
    String sha256,
    Status status,
    String problem,
    long rowsRead,
    long normalized,
    long rejected,
    long duplicatesInFile,
    long superseded,
    Map<String, Long> rejectsByReason,
    long unknownOriginCountries,
    long nonUtf8Bytes,
    int splits,
    String splitNote) {

  /** How a file was handled. */
  public enum Status {
    /** Read and normalized (some rows may be quarantined). */
    READ,
    /** Header recognised but a required column missing: every row quarantined. */
    MISSING_COLUMNS,
    /** Header matched no format, or the file is empty: skipped. */
    SKIPPED,
    /** Reading stopped on an I/O or CSV syntax error: rows read up to it are accounted for. */
    READ_ERROR,
    /** Already in the ledger with the same size and modification time: not read again. */
    UNCHANGED
  }

  /** The same report with how the file was split for parsing. */
  public FileReport withSplits(int newSplits, String newSplitNote) {
    return new FileReport(
        path,
        format,
        sizeBytes,
        modificationTime,
        sha256,
        status,
        problem,
        rowsRead,
        normalized,
        rejected,
        duplicatesInFile,
        superseded,
        rejectsByReason,
        unknownOriginCountries,
        nonUtf8Bytes,
        newSplits,
        newSplitNote);
  }

  /** Rows that were read but did not survive because another delivery of the same record won. */
  public long duplicates() {
    return duplicatesInFile + superseded;
  }

  /** rows read = normalized + rejected + duplicates. */
  public boolean balanced() {
    return rowsRead == normalized + rejected + duplicates();
  }

  public double rejectRate() {
    return rowsRead == 0 ? 0 : (double) rejected / rowsRead;
  }
}
