package org.fentrace.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A stream of rows produced one at a time by {@link #advance()}: a parser reads the next record
 * only when Spark asks for a row, so a file or chunk of any size parses in constant memory. The
 * parser sets {@link #done} once it has returned its last row.
 */
abstract class LookaheadRows implements Iterator<InternalRow> {
  /** True once {@link #advance()} has nothing more to give. */
  protected boolean done;

  private InternalRow next;

  /** The next row, or null when there is none. */
  protected abstract InternalRow advance();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    InternalRow r = next;
    next = null;
    return r;
  }
}
