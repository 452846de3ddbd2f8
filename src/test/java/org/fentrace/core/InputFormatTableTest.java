package org.fentrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which table each input format feeds, as docs/contract.md's "Landing (input)" section describes
 * each format: seizure events and both CBP aggregate files are seizures, customs lines shipments,
 * NFLIS counts lab reports ("never into seizures"). Written out here, format by format, so that a
 * new format added without a table, or moved to another, fails.
 */
class InputFormatTableTest {

  @Test
  void everyFormatFeedsTheTableTheContractNames() {
    Map<InputFormat, TableName> expected = new EnumMap<>(InputFormat.class);
    expected.put(InputFormat.SEIZURE_EVENTS, TableName.SEIZURES);
    expected.put(InputFormat.CUSTOMS_SHIPMENTS, TableName.SHIPMENTS);
    expected.put(InputFormat.CBP_NATIONWIDE, TableName.SEIZURES);
    expected.put(InputFormat.CBP_AMO, TableName.SEIZURES);
    expected.put(InputFormat.NFLIS_DQS, TableName.LAB_REPORTS);
    assertThat(expected.keySet()).containsExactlyInAnyOrder(InputFormat.values());
    for (InputFormat f : InputFormat.values()) {
      assertThat(f.table()).as(f.id()).isEqualTo(expected.get(f));
    }
  }
}
