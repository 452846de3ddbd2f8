package org.fentrace.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.fentrace.core.NamePositions;
import org.fentrace.core.TableName;

/**
 * The normalized warehouse tables whose schemas are defined in Avro ({@code src/main/avro/*.avsc}).
 * The .avsc files are the single source: Spark's StructType, the Parquet schema and the data
 * dictionary are all derived from them.
 */
public enum WarehouseTable {
  SEIZURES(TableName.SEIZURES, "event_month"),
  SHIPMENTS(TableName.SHIPMENTS, "event_month"),
  /** NFLIS-Drug laboratory report counts: small, by half-year, so partitioned by calendar year. */
  LAB_REPORTS(TableName.LAB_REPORTS, "year"),
  REJECTED(TableName.REJECTED, null);

  private final String tableName;
  private final String partitionColumn;
  private transient Schema schema;

  /**
   * Field name to position, built on first use. Volatile and unsynchronized: every normalized row
   * looks up each of its fields here, on every core at once; a race only builds the same table
   * twice.
   */
  private transient volatile NamePositions positions;

  WarehouseTable(TableName name, String partitionColumn) {
    this.tableName = name.wireName();
    this.partitionColumn = partitionColumn;
  }

  /** Folder name under the warehouse and view name in {@code fentrace sql}. */
  public String tableName() {
    return tableName;
  }

  /** Hive-style partition column (a directory level, not a column in the files), or null. */
  public String partitionColumn() {
    return partitionColumn;
  }

  public synchronized Schema avroSchema() {
    if (schema == null) {
      String resource = "/avro/" + tableName + ".avsc";
      try (InputStream in = WarehouseTable.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "schema resource " + resource + " is missing from the jar");
        }
        schema = new Schema.Parser().parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  public List<String> fieldNames() {
    return avroSchema().getFields().stream().map(Schema.Field::name).toList();
  }

  /**
   * Position of a field in the row, failing loudly for a name the schema lacks (a programming
   * error).
   */
  public int position(String field) {
    int i = positions().get(field);
    if (i < 0) {
      throw new IllegalArgumentException("table " + tableName + " has no field '" + field + "'");
    }
    return i;
  }

  /** How many fields a row of this table has. */
  public int width() {
    return positions().size();
  }

  private NamePositions positions() {
    NamePositions p = positions;
    if (p == null) {
      Map<String, Integer> byName = new HashMap<>();
      List<String> names = fieldNames();
      for (int i = 0; i < names.size(); i++) {
        byName.put(names.get(i), i);
      }
      // Normalizers name fields by string literals, interned like the table's names: a lookup
      // finds its name by identity instead of comparing the characters.
      p = new NamePositions(byName);
      positions = p;
    }
    return p;
  }

  /** A fresh, empty row of this table. */
  public TableRow newRow() {
    return new TableRow(this);
  }
}
