package org.fentrace.testing;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fentrace.warehouse.TableRow;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Fixture rows for {@code createDataFrame}: a table row as Spark's external {@code Row}, lists as
 * Scala sequences and dates as the {@code LocalDate}s the normalizers set (Spark's lenient
 * conversion takes them). The pipeline itself hands Spark internal rows (see the ingest's {@code
 * InternalRows}).
 */
public final class ExternalRows {
  private ExternalRows() {}

  public static Row of(TableRow row) {
    Object[] in = row.values();
    Object[] out = new Object[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] instanceof List<?> l ? CollectionConverters.asScala(l).toSeq() : in[i];
    }
    return RowFactory.create(out);
  }
}
