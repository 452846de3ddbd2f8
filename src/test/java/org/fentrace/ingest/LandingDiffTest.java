package org.fentrace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fentrace.formats.HeaderMatch;
import org.fentrace.state.Ledger;
import org.junit.jupiter.api.Test;

/** Which landing files a night reads, from the ledger alone. Pure Java. */
class LandingDiffTest {
  static final HeaderMatch SEIZURES =
      HeaderMatch.of(List.of("seizure_id", "seizure_date", "substance", "quantity", "unit"));

  static LandingFile file(String path, long size, long mtime) {
    return new LandingFile(0, "file:/l/" + path, path, size, mtime, SEIZURES, ',', null);
  }

  static Ledger.Entry entry(String path, long size, long mtime, String recheckOn) {
    return new Ledger.Entry(
        path,
        "seizure_events",
        size,
        mtime,
        "sha",
        "run-1",
        "2024-06-01",
        Map.of(),
        Map.of(),
        recheckOn);
  }

  @Test
  void newChangedUnchangedAndRemovedFiles() {
    Ledger ledger =
        Ledger.empty()
            .with(
                List.of(
                    entry("a.csv", 10, 100, null),
                    entry("b.csv", 10, 100, null),
                    entry("gone.csv", 5, 50, null)),
                List.of());
    List<LandingFile> scanned =
        List.of(file("a.csv", 10, 100), file("b.csv", 11, 100), file("c.csv", 3, 300));
    LandingDiff kept = LandingDiff.of(scanned, ledger, LocalDate.of(2024, 6, 2), false);
    assertThat(kept.toRead())
        .extracting(LandingFile::relativePath)
        .containsExactly("b.csv", "c.csv");
    assertThat(kept.unchanged()).extracting(LandingFile::relativePath).containsExactly("a.csv");
    assertThat(kept.replaced()).containsExactly("b.csv");
    assertThat(kept.removed()).containsExactly("gone.csv");
    assertThat(LandingDiff.of(scanned, ledger, LocalDate.of(2024, 6, 2), true).replaced())
        .containsExactlyInAnyOrder("b.csv", "gone.csv");
  }

  @Test
  void aFileWithFutureDatedRowsIsReadAgainOnlyOnceTheDateHasCome() {
    Ledger ledger =
        Ledger.empty()
            .with(
                List.of(
                    entry("soon.csv", 10, 100, "2024-06-10"),
                    entry("never.csv", 10, 100, "2099-10-05")),
                List.of());
    List<LandingFile> scanned = List.of(file("soon.csv", 10, 100), file("never.csv", 10, 100));
    assertThat(LandingDiff.of(scanned, ledger, LocalDate.of(2024, 6, 9), false).toRead()).isEmpty();
    assertThat(LandingDiff.of(scanned, ledger, LocalDate.of(2024, 6, 10), false).toRead())
        .extracting(LandingFile::relativePath)
        .containsExactly("soon.csv");
  }
}
