package org.fentrace.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.fentrace.effects.PolicyEffectsAction;
import org.fentrace.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the policy effects section needs: the published {@code policy_effects} rows and the
 * observed series they were fitted on. A warehouse without the table (its trends step not run since
 * the table existed) gets no section, and the log says so.
 */
final class PolicyEffectSection {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyEffectSection.class);

  private PolicyEffectSection() {}

  static List<Figure> figures(
      SparkSession spark, Warehouse warehouse, String runId, PolicyEvents.Loaded events)
      throws IOException {
    Map<String, List<PublishedEffects.Row>> byEvent = PublishedEffects.read(spark, warehouse);
    if (byEvent == null) {
      LOG.info("report: no policy_effects table yet (run trends first): no policy effects section");
      return List.of();
    }
    // The events path is not used: series() reads only route_monthly and lab_reports.
    var observed =
        PublishedEffects.observed(
            new PolicyEffectsAction(spark, new PolicyEffectsAction.Options(warehouse, runId))
                .series());
    return PolicyEffectFigures.all(byEvent, observed, events.events());
  }
}
