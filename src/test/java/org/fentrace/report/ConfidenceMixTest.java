package org.fentrace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fentrace.core.Confidence;
import org.fentrace.core.Route;
import org.junit.jupiter.api.Test;

/**
 * The rule confidence behind the report's kilograms: read from the monthly aggregates' {@code
 * route_confidence} (NONE, where no rule ran, is no {@link Confidence}: it reads as empty), and
 * written back as the same words.
 */
class ConfidenceMixTest {
  static final Optional<Confidence> HIGH = Optional.of(Confidence.HIGH);
  static final Optional<Confidence> MEDIUM = Optional.of(Confidence.MEDIUM);
  static final Optional<Confidence> LOW = Optional.of(Confidence.LOW);
  static final Optional<Confidence> NO_RULE = Optional.empty();

  static Row aggregateRow(String routeConfidence) {
    StructType schema = new StructType().add("route_confidence", DataTypes.StringType, false);
    return new GenericRowWithSchema(new Object[] {routeConfidence}, schema);
  }

  @Test
  void theAggregatesWordsReadAsConfidencesAndNoneAsNoRule() {
    assertThat(ReportInputs.routeConfidence(aggregateRow("HIGH"))).isEqualTo(HIGH);
    assertThat(ReportInputs.routeConfidence(aggregateRow("LOW"))).isEqualTo(LOW);
    assertThat(ReportInputs.routeConfidence(aggregateRow(Confidence.NO_RULE))).isEmpty();
    assertThatThrownBy(() -> ReportInputs.routeConfidence(aggregateRow("SURE")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SURE");
    for (Optional<Confidence> level : ConfidenceMix.ORDER) {
      assertThat(ReportInputs.routeConfidence(aggregateRow(ConfidenceMix.word(level))))
          .as("written and read back")
          .isEqualTo(level);
    }
  }

  @Test
  void aMixKeepsTheWrittenWordsOrderWhichDecidesATie() {
    Map<Optional<Confidence>, BigDecimal> mix = ConfidenceMix.newMix();
    mix.put(NO_RULE, BigDecimal.ONE);
    mix.put(MEDIUM, BigDecimal.ONE);
    mix.put(HIGH, BigDecimal.ONE);
    mix.put(LOW, BigDecimal.ONE);
    // Alphabetical, as the aggregates' words were always read: HIGH, LOW, MEDIUM, NONE.
    assertThat(mix.keySet().stream().map(ConfidenceMix::word))
        .containsExactly("HIGH", "LOW", "MEDIUM", "NONE");
    mix.remove(HIGH);
    // The largest share on a tie is the first in that order (Stream.max keeps the first of
    // equals).
    assertThat(mix.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey())
        .isEqualTo(LOW);
  }

  @Test
  void kgWithNoRuleIsShownAsNoneAndIsNeverAProxy() {
    // MEXICO_CARTEL: 3 kg HIGH, 1 kg no rule -> 3/4 = 75.0% HIGH, 1/4 = 25.0% NONE.
    // CHINA_DIRECT: 1 kg LOW, 3 kg no rule: mostly no rule, so no proxy wording.
    Map<Route, Map<Optional<Confidence>, BigDecimal>> byRoute =
        Map.of(
            Route.MEXICO_CARTEL,
            Map.of(HIGH, new BigDecimal("3"), NO_RULE, BigDecimal.ONE),
            Route.CHINA_DIRECT,
            Map.of(LOW, BigDecimal.ONE, NO_RULE, new BigDecimal("3")));
    assertThat(ConfidenceMix.ofKg(byRoute, List.of(Route.MEXICO_CARTEL)))
        .isEqualTo(
            "MEXICO_CARTEL: 75.0% HIGH, 25.0% NONE (share of each route's kg by rule confidence)");
    assertThat(ConfidenceMix.ofCounts(Map.of(Route.CHINA_DIRECT, Map.of(LOW, 1L, NO_RULE, 3L))))
        .isEqualTo("CHINA_DIRECT: 25.0% LOW, 75.0% NONE (share of lines by rule confidence)");
    assertThat(ProxyWording.labels(ProxyWordingTest.SHIPPED, byRoute)).isEmpty();
  }
}
