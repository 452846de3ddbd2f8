package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.fentrace.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger file across versions: an older warehouse must keep running after an upgrade. */
class LedgerTest {
  @TempDir Path tmp;

  Warehouse warehouseWithLedger(String json) throws IOException {
    Files.createDirectories(tmp.resolve("_state"));
    Files.writeString(tmp.resolve("_state/ledger.json"), json);
    return new Warehouse(tmp.toString(), new Configuration());
  }

  @Test
  void aLedgerFromBeforeRecheckOnIsMigrated() throws IOException {
    // As written by commit 955ecb7: futureRejects instead of recheckOn.
    Warehouse w =
        warehouseWithLedger(
            """
        [ {"path": "future.csv", "format": "seizure_events", "size": 10, "modificationTime": 100, "sha256": "s",
           "runId": "r1", "runDate": "2026-09-30", "months": {"seizures": ["2026-09"]}, "cbpCoverage": {},
           "futureRejects": true},
          {"path": "plain.csv", "format": "seizure_events", "size": 10, "modificationTime": 100, "sha256": "s",
           "runId": "r1", "runDate": "2026-09-30", "months": {}, "cbpCoverage": {}, "futureRejects": false} ]
        """);
    Ledger ledger = Ledger.load(w);
    assertThat(ledger.get("future.csv").recheckOn())
        .as("re-read the day after the run date it was read with")
        .isEqualTo("2026-10-01");
    assertThat(ledger.get("plain.csv").recheckOn()).isNull();
    assertThat(ledger.get("future.csv").months()).containsKey("seizures");
  }

  @Test
  void anUnreadableLedgerNamesTheFileAndWhatToDo() throws IOException {
    Warehouse w = warehouseWithLedger("[ {\"path\": \"a.csv\", \"sizeInFurlongs\": 3} ]");
    assertThatThrownBy(() -> Ledger.load(w))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("_state/ledger.json")
        .hasMessageContaining("sizeInFurlongs")
        .hasMessageContaining("newer fentrace");
  }
}
