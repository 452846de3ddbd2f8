package org.fentrace.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fentrace.testing.Pipelines;
import org.fentrace.testing.SharedSpark;
import org.fentrace.trends.TrendSchemas;
import org.fentrace.trends.TrendsAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet files a run writes hold the columns and types the code declares, the schemas that
 * docs/data-dictionary.md is generated from (DataDictionaryTest keeps the two equal) and whose
 * column names docs/contract.md promises (ContractDocsTest). Every table of a small run is read
 * back from its files' own footers, not through the declared schema.
 *
 * <p>Nullability: the trend tables mark exactly the columns documented as never null REQUIRED. The
 * normalized tables do not yet (their rows pass through a nullable struct, so Spark writes every
 * column OPTIONAL, while the route columns come out of a rule CASE with an ELSE and are written
 * REQUIRED), which is why docs/contract.md tells readers to take nullability from the data
 * dictionary, not from the files.
 */
class WrittenSchemaTest {
  @TempDir static Path tmp;
  static Path warehouse;

  @BeforeAll
  static void run() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("landing"));
    // Rows chosen so that the tables get content, not only a schema: two routes in two months
    // (China
    // leads in January, 2 kg against 1 kg, Mexico in February), an analog (acetyl fentanyl), a pill
    // press shipment (HS 8479) and one row quarantined for its quantity.
    Files.writeString(
        landing.resolve("seizures.csv"),
        """
        seizure_id,seizure_date,substance,quantity,unit,region,conveyance,origin_country,form
        S1,2023-01-10,Fentanyl HCl,2,kg,Coastal/Interior,international mail,China,powder
        S2,2023-01-20,Fentanyl,1,kg,Southwest Border,land vehicle,Mexico,powder
        S3,2023-02-10,Fentanyl,3,kg,Southwest Border,land vehicle,Mexico,powder
        S4,2023-02-15,acetyl fentanyl,100,g,Southwest Border,land vehicle,Mexico,powder
        S5,2023-02-16,Fentanyl,lots,kg,,,,
        """);
    Files.writeString(
        landing.resolve("shipments.csv"),
        """
        shipment_id,arrival_date,origin_country,mode,description,hs_code,gross_weight,weight_unit
        P1,2023-01-12,China,air cargo,tablet press TDP-5,8479.89.9499,120,kg
        """);
    // Two NFLIS lab report counts (copied in the layout of the real export) so that lab_reports has
    // files too.
    Files.writeString(
        landing.resolve("nflis.csv"),
        """
        LABTYPE,RPTAGGR,YYYY,PERIOD,DRUG_REPORTS,QUERY_RUN_DATE,SUBSTANCE_ID,SUBSTANCE_DESCRIPTION,BASE_ID,BASE_DESCRIPTION,DRUG_CATEGORY_CODE,DRUG_CATEGORY_DESCRIPTION,STATE,STATE_LONG_NAME,STATE_FIPS
        "Local/Municipal,State,Federal,Private","DrugReport  ","2022","SA1 (JAN - JUN)","589","2026-03-03 13:26:55","1504","FENTANYL","1504","Fentanyl","33","Fentanyl and Fentanyl-related","NH","New Hampshire","33"
        "Local/Municipal,State,Federal,Private","DrugReport  ","2022","SA2 (JUL - DEC)","67","2026-03-03 13:26:55","1517","P-FLUOROFENTANYL","1517","para-Fluorofentanyl","33","Fentanyl and Fentanyl-related","AZ","Arizona","04"
        """);
    warehouse = tmp.resolve("warehouse");
    var run = Pipelines.run(landing, warehouse, LocalDate.of(2023, 3, 1));
    // S5 is quarantined: 1 row of 8 is over the default 5% reject rate, so the run exits 3 with all
    // else written.
    assertThat(run.exitCode()).isEqualTo(3);
  }

  /** Every table the code writes, with its declared schema. */
  static Map<String, StructType> declared() {
    Map<String, StructType> m = new LinkedHashMap<>();
    for (WarehouseTable t : WarehouseTable.values()) {
      m.put(t.tableName(), SparkSchemas.structType(t));
    }
    for (String t : TrendsAction.TABLES) {
      m.put(t, TrendSchemas.forTable(t));
    }
    m.put(
        org.fentrace.effects.PolicyEffectsTable.TABLE,
        org.fentrace.effects.PolicyEffectsTable.SCHEMA);
    return m;
  }

  @Test
  void everyTableIsWrittenWithItsDeclaredColumnsAndTypes() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, StructType> e : declared().entrySet()) {
      Path file = firstParquetFile(e.getKey());
      MessageType footer = footer(file);
      StructType read = SharedSpark.session().read().parquet(file.toString()).schema();
      TreeSet<String> written =
          new TreeSet<>(footer.getFields().stream().map(Type::getName).toList());
      TreeSet<String> documented = new TreeSet<>(List.of(e.getValue().fieldNames()));
      if (!written.equals(documented)) {
        problems.add(
            e.getKey() + ": files have columns " + written + ", the schema declares " + documented);
        continue;
      }
      for (StructField f : e.getValue().fields()) {
        String type = read.apply(f.name()).dataType().sql();
        if (!type.equals(f.dataType().sql())) {
          problems.add(
              e.getKey()
                  + "."
                  + f.name()
                  + ": written as "
                  + type
                  + ", declared "
                  + f.dataType().sql());
        }
      }
    }
    assertThat(problems)
        .withFailMessage(
            "written Parquet differs from the declared schemas:%n%s", String.join("\n", problems))
        .isEmpty();
  }

  @Test
  void theTrendTablesMarkRequiredExactlyTheColumnsDocumentedAsNeverNull() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String table : TrendsAction.TABLES) {
      MessageType footer = footer(firstParquetFile(table));
      for (StructField f : TrendSchemas.forTable(table).fields()) {
        boolean required = footer.getType(f.name()).getRepetition() == Type.Repetition.REQUIRED;
        if (required == f.nullable()) {
          problems.add(
              table
                  + "."
                  + f.name()
                  + ": written "
                  + footer.getType(f.name()).getRepetition()
                  + ", documented "
                  + (f.nullable() ? "nullable" : "never null"));
        }
      }
    }
    assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
  }

  private static Path firstParquetFile(String table) throws IOException {
    try (Stream<Path> s = Files.walk(warehouse.resolve(table))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("table " + table + " has no Parquet file in " + warehouse));
    }
  }

  private static MessageType footer(Path file) throws IOException {
    try (ParquetFileReader r =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }
}
