package org.fentrace.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fentrace.state.PartitionPublisher.Move;
import org.fentrace.state.PublicationPlan.Rename;
import org.fentrace.state.PublicationPlan.Step;
import org.fentrace.state.PublicationPlan.TableCommit;
import org.fentrace.warehouse.WarehouseLayout;
import org.junit.jupiter.api.Test;

/**
 * How a Delta warehouse splits a journal: moves into a published table (whole, or a partition) are
 * that table's one commit, everything fentrace keeps for itself stays a rename. Pure: paths only.
 */
class PublicationPlanTest {
  static final WarehouseLayout W = new WarehouseLayout("/w");

  @Test
  void partitionMovesOfOneTableAreOneCommitWhereItsFirstMoveStood() {
    Move jan =
        new Move("/w/_staging/r/seizures/event_month=2024-01", "/w/seizures/event_month=2024-01");
    Move ledger = new Move("/w/_staging/r/ledger.json", "/w/_state/ledger.json");
    Move febEmptied = new Move(null, "/w/seizures/event_month=2024-02");
    Move rejected = new Move("/w/_staging/r/rejected", "/w/rejected");
    Move other =
        new Move(
            "/w/_staging/r/_other_versions/seizures/event_month=2024-01",
            "/w/_state/other_versions/seizures/event_month=2024-01");
    List<Step> steps = PublicationPlan.of(W, List.of(jan, ledger, febEmptied, rejected, other));
    assertThat(steps)
        .containsExactly(
            new TableCommit("seizures", "event_month", List.of(jan, febEmptied)),
            new Rename(ledger),
            new TableCommit("rejected", null, List.of(rejected)),
            new Rename(other));
    TableCommit seizures = (TableCommit) steps.get(0);
    // Both the staged month and the emptied one are replaced: replaceWhere removes February's rows.
    assertThat(seizures.partitionValues()).containsExactly("2024-01", "2024-02");
    assertThat(DeltaPublication.replaceWhere(seizures))
        .isEqualTo("`event_month` IN ('2024-01', '2024-02')");
  }

  @Test
  void theReportPageAndTheExportsAreNotTables() {
    Move report = new Move("/w/_staging/r/report", "/w/report");
    Move export = new Move("/w/_staging/r/exports", "/w/exports");
    assertThat(PublicationPlan.of(W, List.of(report, export)))
        .containsExactly(new Rename(report), new Rename(export));
  }

  @Test
  void yearPartitionsAreNumbersInTheCommitsPredicate() {
    TableCommit c =
        new TableCommit(
            "lab_reports",
            "year",
            List.of(
                new Move("/w/_staging/r/lab_reports/year=2023", "/w/lab_reports/year=2023"),
                new Move(null, "/w/lab_reports/year=__HIVE_DEFAULT_PARTITION__")));
    assertThat(DeltaPublication.replaceWhere(c)).isEqualTo("(`year` IN (2023) OR `year` IS NULL)");
  }

  @Test
  void aReplayedJournalNamesTheSameCommitAndTwoPublicationsOfOneTableDiffer() {
    Move ingest =
        new Move("/w/_staging/r/seizures/event_month=2024-01", "/w/seizures/event_month=2024-01");
    Move reattributed =
        new Move(
            "/w/_staging/r/_reattributed/seizures/event_month=2024-01",
            "/w/seizures/event_month=2024-01");
    TableCommit first = (TableCommit) PublicationPlan.of(W, List.of(ingest)).get(0);
    TableCommit replayed = (TableCommit) PublicationPlan.of(W, List.of(ingest)).get(0);
    TableCommit second = (TableCommit) PublicationPlan.of(W, List.of(reattributed)).get(0);
    assertThat(replayed.key()).isEqualTo(first.key()).hasSize(16);
    assertThat(second.key()).isNotEqualTo(first.key());
    assertThat(DeltaPublication.userMetadata("20261128T060000Z-00ab", first, null))
        .isEqualTo(
            "{\"fentrace_run_id\":\"20261128T060000Z-00ab\",\"publication\":\"seizures#"
                + first.key()
                + "\"}");
    assertThat(
            org.fentrace.warehouse.TableReads.runOf(
                DeltaPublication.userMetadata("20261128T060000Z-00ab", first, null)))
        .isEqualTo("20261128T060000Z-00ab");
  }

  @Test
  void oneTableReplacedBothWholeAndByPartitionIsRefused() {
    assertThatThrownBy(
            () ->
                PublicationPlan.of(
                    W,
                    List.of(
                        new Move("/w/_staging/r/seizures", "/w/seizures"),
                        new Move(
                            "/w/_staging/r/seizures/event_month=2024-01",
                            "/w/seizures/event_month=2024-01"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seizures");
  }
}
