package org.fentrace.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * A stream of rows produced one at a time by {@link #advance()}: a parser reads the next record
 * only when Spark asks for a row, so a file or chunk of any size parses in constant memory. The
 * parser sets {@link #done} once it has returned its last row.
 */
abstract class LookaheadRows implements Iterator<Row> {
  /** True once {@link #advance()} has nothing more to give. */
  protected boolean done;

  private Row next;

  /** The next row, or null when there is none. */
  protected abstract Row advance();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }
}
