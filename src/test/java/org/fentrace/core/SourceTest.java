package org.fentrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceTest {

  @Test
  void bothCbpFilesAreOneSourceAndEachCanonicalLayoutItsOwn() {
    assertThat(Source.of(InputFormat.CBP_NATIONWIDE)).isEqualTo(Source.CBP_PUBLISHED);
    assertThat(Source.of(InputFormat.CBP_AMO)).isEqualTo(Source.CBP_PUBLISHED);
    assertThat(Source.ofSourceFormat("seizure_events")).isEqualTo(Source.SEIZURE_EVENTS);
    assertThat(Source.ofSourceFormat("customs_shipments")).isEqualTo(Source.CUSTOMS_SHIPMENTS);
    // Lab report counts are neither kilograms nor seizures: their own source.
    assertThat(Source.ofSourceFormat("nflis_dqs")).isEqualTo(Source.NFLIS_LAB_REPORTS);
    assertThat(Source.NFLIS_LAB_REPORTS.id()).isEqualTo("nflis_lab_reports");
  }

  @Test
  void columnValuesRoundTripAndAnUnknownOneIsNamed() {
    for (Source s : Source.values()) {
      assertThat(Source.fromId(s.id())).isEqualTo(s);
    }
    assertThat(Source.CBP_PUBLISHED.id()).isEqualTo("cbp_published");
    assertThatThrownBy(() -> Source.fromId("cbp")).hasMessageContaining("'cbp'");
  }
}
