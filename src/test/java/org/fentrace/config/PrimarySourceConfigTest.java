package org.fentrace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fentrace.report.primary-source}: empty picks the best covered source; a source id is
 * checked when loaded.
 */
class PrimarySourceConfigTest {
  static final String KEY = "fentrace.report.primary-source";
  static final String PARTY = "fentrace.party-hash.key";
  static final String PARTY_KEY = "primary-source-test-key-0123456789";

  @Test
  void emptyMeansChooseAndAKnownIdIsKept() {
    assertThat(FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY)).primarySource()).isNull();
    assertThat(
            FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY, KEY, " cbp_published "))
                .primarySource())
        .isEqualTo("cbp_published");
  }

  @Test
  void anUnknownSourceStopsTheRunBeforeItStartsAndListsTheValidOnes() {
    assertThatThrownBy(() -> FentraceConfig.load(null, Map.of(PARTY, PARTY_KEY, KEY, "cbp")))
        .hasMessageContaining(KEY)
        .hasMessageContaining("cbp_published, seizure_events, customs_shipments");
  }
}
