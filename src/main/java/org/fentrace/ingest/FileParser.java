package org.fentrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.fentrace.formats.CsvFileReader;
import org.fentrace.normalize.NormalizationContext;
import org.fentrace.normalize.RejectReason;

/**
 * The executor side of ingestion: streams one landing file, normalizes each record and emits {@link
 * Envelope} rows, ending with the file's statistics. Nothing is buffered beyond one record, so a
 * file of any size parses in constant memory. A plain file larger than {@code
 * fentrace.ingest.split-bytes} is parsed in byte ranges instead ({@link ChunkParser}); this class
 * reads the files that stay one task, and the split files that their chunks could not settle.
 *
 * <p>A compressed file is first decompressed once to its end ({@link LandingFiles#truncation}):
 * when it ends early, every row of it, the half-written last one included, is quarantined as {@code
 * TRUNCATED_INPUT} and none is published, so a later complete delivery replaces a file that
 * contributed nothing but quarantine rows.
 */
final class FileParser implements FlatMapFunction<List<ParseUnit>, InternalRow> {
  private static final long serialVersionUID = 1L;

  private final NormalizationContext context;
  private final SerializableHadoopConf conf;
  private final String runId;

  FileParser(NormalizationContext context, SerializableHadoopConf conf, String runId) {
    this.context = context;
    this.conf = conf;
    this.runId = runId;
  }

  /** The rows of a task's units, parsed one after the other. */
  @Override
  public Iterator<InternalRow> call(List<ParseUnit> units) {
    Iterator<ParseUnit> pending = units.iterator();
    return new Iterator<>() {
      private Iterator<InternalRow> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pending.hasNext()) {
          try {
            current = parse(pending.next());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return current.hasNext();
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private Iterator<InternalRow> parse(ParseUnit unit) throws IOException {
    if (unit.chunk() == ParseUnit.WHOLE) {
      return new FileIterator(unit.file());
    }
    if (unit.chunk() == ParseUnit.CHECKSUM) {
      return List.of(ChunkParser.checksum(conf.get(), unit.file())).iterator();
    }
    return new ChunkParser(context, conf.get(), runId).parse(unit);
  }

  private final class FileIterator extends LookaheadRows {
    private final LandingFile file;
    private LandingFiles.Opened opened;
    private CsvFileReader reader;
    private RecordEnvelopes envelopes;

    /** Why the whole file is held back (a compressed file that ends early), or null. */
    private String truncation;

    private final RecordEnvelopes.Part part = new RecordEnvelopes.Part();

    FileIterator(LandingFile file) {
      this.file = file;
    }

    @Override
    protected InternalRow advance() {
      try {
        if (reader == null) {
          truncation = LandingFiles.truncation(conf.get(), file.uri());
          opened = LandingFiles.open(conf.get(), file.uri());
          reader = CsvFileReader.open(opened.content());
          envelopes = new RecordEnvelopes(file, reader.delimiter(), context, runId, 0);
        }
        if (reader.hasNext()) {
          part.rowsRead++;
          return envelopes.toEnvelope(reader.next(), reader, truncation, part);
        }
        return finish(null);
      } catch (IOException | UncheckedIOException e) {
        return finish(e.toString());
      }
    }

    private InternalRow finish(String readError) {
      done = true;
      String sha = null;
      long fallback = 0;
      try {
        if (reader != null) {
          fallback = reader.fallbackBytes();
          part.syntaxError = reader.syntaxError();
          readError = readError == null ? reader.readError() : readError;
          sha = opened.finishChecksum();
          reader.close();
        }
      } catch (IOException | UncheckedIOException e) {
        readError = readError == null ? e.toString() : readError;
      }
      if (truncation != null) {
        readError =
            truncation
                + "; all "
                + part.rowsRead
                + " rows read are held back in the quarantine as "
                + RejectReason.TRUNCATED_INPUT
                + " and none is published. Deliver the complete file again under the same"
                + " name: it then replaces them";
      }
      part.readError = readError;
      return Envelope.stats(file.index(), part.statsRow(sha, fallback));
    }
  }
}
