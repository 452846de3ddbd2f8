package org.fentrace.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fentrace.core.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * Nothing proportional to the input is brought to the driver: every production method that pulls
 * rows of a Spark frame into the driver (collect, take, head, first, toLocalIterator) or broadcasts
 * a frame is listed here with the reason its size does not grow with the input's rows (an aggregate
 * per month, per file or per vocabulary value; a fixed limit; a size test before the broadcast). A
 * new caller fails until it is added with its reason, and an entry whose caller is gone fails too,
 * so the list stays the true inventory. Read from the compiled classes' bytecode (lambdas count for
 * the method that holds them).
 */
class DriverCollectTest {

  /**
   * Calls that bring a frame's rows to the driver, or ship a frame from the driver to every task.
   */
  private static final Map<String, Set<String>> DRIVER_CALLS =
      Map.of(
          "org.apache.spark.sql.Dataset",
          Set.of(
              "collect",
              "collectAsList",
              "toLocalIterator",
              "take",
              "takeAsList",
              "head",
              "first",
              "tail"),
          "org.apache.spark.sql.functions",
          Set.of("broadcast"),
          "org.apache.spark.api.java.JavaRDD",
          Set.of("collect", "take", "first", "toLocalIterator"),
          "org.apache.spark.api.java.AbstractJavaRDDLike",
          Set.of("collect", "take", "first", "toLocalIterator"),
          "org.apache.spark.rdd.RDD",
          Set.of("collect", "take", "first", "toLocalIterator"));

  /** Class.method -> why what it brings to the driver is bounded whatever the input's rows. */
  private static final Map<String, String> BOUNDED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("org.fentrace.cli.SqlCommand.printCsv", "at most --max-rows rows"),
              Map.entry("org.fentrace.cli.SqlCommand.printTable", "at most --max-rows rows"),
              Map.entry(
                  "org.fentrace.effects.PolicyEffectsAction.monthCells",
                  "route_monthly: one row per source, month, route and class"),
              Map.entry(
                  "org.fentrace.effects.PolicyEffectsAction.halfYearCells",
                  "summed per half-year and class"),
              Map.entry(
                  "org.fentrace.trends.AggregateCells.seizureCells",
                  "the monthly aggregate: source x month x route x class x form x conveyance"),
              Map.entry(
                  "org.fentrace.trends.AggregateCells.analogCells",
                  "summed per source and substance name"),
              Map.entry(
                  "org.fentrace.trends.AggregateCells.shipmentCells",
                  "summed per source, month and route"),
              Map.entry(
                  "org.fentrace.trends.AggregateCells.deliveries",
                  "one row per source and delivery file"),
              Map.entry(
                  "org.fentrace.trends.LabReportCounts.read",
                  "summed per source, substance and half-year"),
              Map.entry(
                  "org.fentrace.trends.TrendsAction.previousAnalogKeys",
                  "analog_watch: one row per source and substance name"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.trendRows",
                  "trend tables: rows per month, route and class"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.seizureAggregates",
                  "summed per file, fiscal year, route, confidence and rule version"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.sensitivityRows",
                  "per source, fiscal year, route and rule set"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.pillPressConfidence",
                  "per route and confidence"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.rejectCounts",
                  "counted per file and reason code"),
              Map.entry(
                  "org.fentrace.ingest.CandidateStore.livePartitions",
                  "the distinct months of one table"),
              Map.entry(
                  "org.fentrace.state.DeltaPublication.lastUserMetadata",
                  "the last commit of one Delta table's history"),
              Map.entry(
                  "org.fentrace.state.DeltaPublication.fingerprint",
                  "one row: the count and two sums over a table's rows"),
              Map.entry(
                  "org.fentrace.warehouse.TableReads.latestVersion",
                  "the last commit of one Delta table's history"),
              Map.entry(
                  "org.fentrace.warehouse.TableReads.versionAsOf",
                  "one row per Delta commit of a table: one more a night, not more with input rows"),
              Map.entry(
                  "org.fentrace.ingest.SplitResolution.resolve",
                  "a few numbers per chunk of a split file, never rows"),
              Map.entry(
                  "org.fentrace.report.ReportInputs.largestFamilyRows",
                  "the maximum per month, source format and route"),
              Map.entry(
                  "org.fentrace.report.PublishedEffects.read",
                  "policy_effects: one row per event, source, route and substance class"),
              Map.entry(
                  "org.fentrace.routes.RouteSensitivity.compute",
                  "summed per source format, fiscal year, route and rule set"),
              Map.entry(
                  "org.fentrace.ingest.LedgerFacts.collect", "one statistics row per file read"),
              Map.entry(
                  "org.fentrace.ingest.LabReportsStage.stage", "outcome counts per file read"),
              Map.entry(
                  "org.fentrace.ingest.RejectedStage.examples", "limited to the first examples"),
              Map.entry(
                  "org.fentrace.ingest.IngestAction.decide",
                  "broadcasts the delivery ranks: one row per landing file"),
              Map.entry(
                  "org.fentrace.ingest.Decider.decide",
                  "broadcast only under fentrace.ingest.broadcast-max-ids ids"),
              Map.entry(
                  "org.fentrace.ingest.Decider.monthRows",
                  "rows per month of the touched records: one row per month"),
              Map.entry(
                  "org.fentrace.ingest.Decider.linkedIds",
                  "broadcast only under fentrace.ingest.broadcast-max-ids"),
              Map.entry("org.fentrace.ingest.Decision.sizes", "one aggregate row of three counts"),
              Map.entry("org.fentrace.ingest.Decision.accounting", "outcome counts per file read"),
              Map.entry(
                  "org.fentrace.ingest.Decision.published",
                  "broadcast only when the losers are at most broadcast-max-ids"),
              Map.entry(
                  "org.fentrace.ingest.Decision.otherVersions",
                  "broadcast only when the other versions are at most broadcast-max-ids"),
              Map.entry(
                  "org.fentrace.ingest.Decision.linkedShipments",
                  "broadcast only when the linked ids are at most broadcast-max-ids")));

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(mainClasses());

  private static Path mainClasses() {
    try {
      return Path.of(Vocabulary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every production method that calls one of {@link #DRIVER_CALLS}, as Class.method. */
  static Set<String> callers(JavaClasses classes) {
    Set<String> out = new TreeSet<>();
    classes.forEach(
        c ->
            c.getMethodCallsFromSelf()
                .forEach(
                    call -> {
                      if (bringsToDriver(call)) {
                        out.add(c.getName() + "." + enclosing(call.getOrigin().getName()));
                      }
                    }));
    return out;
  }

  private static boolean bringsToDriver(JavaMethodCall call) {
    Set<String> names = DRIVER_CALLS.get(call.getTargetOwner().getName());
    return names != null && names.contains(call.getName());
  }

  /** A lambda's synthetic method (lambda$decide$3) belongs to the method that holds it. */
  static String enclosing(String methodName) {
    if (methodName.startsWith("lambda$")) {
      String rest = methodName.substring("lambda$".length());
      return rest.substring(0, rest.indexOf('$'));
    }
    return methodName;
  }

  @Test
  void everyCollectOrBroadcastIsBoundedAndListed() {
    Set<String> found = callers(MAIN);
    // guards against an import that sees nothing: the ingest statistics are always collected
    assertThat(found).contains("org.fentrace.ingest.LedgerFacts.collect");
    assertThat(found)
        .as("methods that bring Spark rows to the driver (list each with why it is bounded)")
        .containsExactlyInAnyOrderElementsOf(BOUNDED.keySet());
  }

  @Test
  void lambdasCountForTheirMethod() {
    assertThat(enclosing("lambda$decide$3")).isEqualTo("decide");
    assertThat(enclosing("monthCells")).isEqualTo("monthCells");
  }
}
