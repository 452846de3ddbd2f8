package org.fentrace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fentrace.bench.BenchJson.Invocation;
import org.fentrace.bench.BenchTargets.Ratio;
import org.fentrace.bench.BenchTargets.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's record: ratios against their targets, the JSON written and read back, the printed
 * summary and the side-by-side page, from a results file written here (no benchmark is run).
 */
class BenchRecordTest {

  @TempDir Path dir;

  private static final String HEADER =
      "scenario\tsize\tcompetitor\trun\trows\twall_s\tcpu_s\trss_kb\texit\tload1\tdetail\n";

  /**
   * A small invocation: 1M rows with three runs each (medians by hand: raw Spark 20, fentrace 44,
   * DuckDB 10), 5M and 50M with one run, a parcel night.
   */
  private Path results() throws Exception {
    String tsv =
        HEADER
            + "full\t1000000\traw_spark\t1\t1350000\t22.0\t40\t2000000\t0\t1.5\t\n"
            + "full\t1000000\traw_spark\t2\t1350000\t20.0\t38\t2000000\t0\t1.5\t\n"
            + "full\t1000000\traw_spark\t3\t1350000\t18.0\t36\t2000000\t0\t1.5\t\n"
            + "full\t1000000\tfentrace\t1\t1350000\t44.0\t80\t4000000\t3\t1.5\t\n"
            + "full\t1000000\tfentrace\t2\t1350000\t50.0\t90\t4000000\t3\t1.5\t\n"
            + "full\t1000000\tfentrace\t3\t1350000\t40.0\t70\t4000000\t3\t1.5\t\n"
            + "full\t1000000\tduckdb\t1\t1350000\t10.0\t19\t1000000\t0\t1.5\t\n"
            + "full\t1000000\tduckdb\t2\t1350000\t9.0\t17\t1000000\t0\t1.5\t\n"
            + "full\t1000000\tduckdb\t3\t1350000\t11.0\t21\t1000000\t0\t1.5\t\n"
            + "full\t5000000\traw_spark\t1\t6750000\t50.0\t90\t2000000\t0\t1.5\t\n"
            + "full\t5000000\tfentrace\t1\t6750000\t100.0\t200\t6000000\t0\t1.5\t\n"
            + "full\t5000000\tduckdb\t1\t6750000\t45.0\t90\t4000000\t0\t1.5\t\n"
            + "full\t50000000\tfentrace\t1\t67500000\t1200.0\t2300\t7000000\t0\t1.5\t\n"
            + "parcel\t4000000\tfentrace_parcel_night\t1\t4000000\t90.0\t170\t6000000\t0\t1.5\t\n"
            + "parcel\t4000000\tduckdb_day\t1\t4000000\t40.0\t80\t3000000\t0\t1.5\t\n"
            + "single_file\t1000000\tfentrace_one_file\t1\t1350000\t30.0\t55\t3000000\t0\t1.5\t\n";
    Path p = dir.resolve("results.tsv");
    Files.writeString(p, tsv, StandardCharsets.UTF_8);
    return p;
  }

  private static Map<String, String> meta(String jar) {
    Map<String, String> m = new TreeMap<>();
    m.put("date", "2026-12-03 12:00 UTC");
    m.put("command", "jobs/bench --rows 1000000,5000000,50000000");
    // 6 GiB default heap: the 50M run's 7,000,000 kB RSS is checked against 6 GiB + 1 GiB
    m.put("default_max_heap_bytes", Long.toString(6L << 30));
    m.put("parcel_rows", "4000000");
    m.put("jar_sha256", jar);
    m.put("commit_sha", "abc");
    m.put("dirty_files", "1");
    return m;
  }

  private static Ratio ratio(List<Ratio> rs, String id) {
    return rs.stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id));
  }

  @Test
  void ratiosAgainstTheirTargets() throws Exception {
    List<Ratio> rs = BenchJson.invocation(meta("j1"), BenchResults.readTsv(results())).ratios();
    // b/a at 1M: medians 44 / 20 = 2.2 > 2: missed; CPU medians 80 / 38
    Ratio ba1 = ratio(rs, "b/a@1000000");
    assertThat(ba1.value()).isEqualTo(2.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ba1.cpuRatio()).isEqualTo(80.0 / 38, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ba1.status()).isEqualTo(Status.MISSED);
    // b/c at 1M has no target: 44 / 10
    assertThat(ratio(rs, "b/c@1000000").status()).isEqualTo(Status.REFERENCE);
    // at 5M: b/a = 100 / 50 = 2.0 (at most 2: met), b/c = 100 / 45 = 2.22 (missed)
    assertThat(ratio(rs, "b/a@5000000").status()).isEqualTo(Status.MET);
    assertThat(ratio(rs, "b/c@5000000").status()).isEqualTo(Status.MISSED);
    // 50M: no raw Spark measured there and no b/a figure; b/c not measured (DuckDB left out) and
    // without a target, so the summary leaves it out
    assertThat(rs).noneMatch(r -> r.id().equals("b/a@50000000"));
    assertThat(ratio(rs, "b/c@50000000").status()).isEqualTo(Status.NOT_MEASURED);
    // time per row: (1200 / 67.5M) / (100 / 6.75M) = 1.2 > 1.15: missed
    Ratio perRow = ratio(rs, "per_row@50000000/5000000");
    assertThat(perRow.value()).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(perRow.status()).isEqualTo(Status.MISSED);
    // RSS: 7,000,000 kB * 1024 / (7 GiB) = 0.9537 <= 1: met
    Ratio rss = ratio(rs, "peak_rss@50000000");
    assertThat(rss.value())
        .isEqualTo(
            7_000_000.0 * 1024 / (7.0 * (1L << 30)), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(rss.status()).isEqualTo(Status.MET);
    // the parcel night: 90 / 40 = 2.25: missed
    assertThat(ratio(rs, "parcel_night/duckdb").value()).isEqualTo(2.25);
    assertThat(ratio(rs, "parcel_night/duckdb").status()).isEqualTo(Status.MISSED);
    // every 5M+ fentrace run exited 0
    assertThat(ratio(rs, "no_failure@50000000").status()).isEqualTo(Status.MET);
    // no night measured: no nightly figure at all
    assertThat(rs).noneMatch(r -> r.id().startsWith("d36"));
  }

  @Test
  void summaryIsOneLineOfCountsAndTargetedFigures() throws Exception {
    List<Ratio> rs = BenchJson.invocation(meta("j1"), BenchResults.readTsv(results())).ratios();
    String s = BenchTargets.summary(rs);
    // met: b/a@5M, peak_rss@50M, no_failure@5M, no_failure@50M; missed: b/a@1M, b/c@5M, per_row,
    // parcel
    assertThat(s)
        .startsWith(
            "bench ratios: met=4 missed=4 not_measured=0 | b/a@1000000=2.20 (<=2.00 missed)");
    assertThat(s).contains("| parcel_night/duckdb=2.25 (<=2.00 missed)").doesNotContain("\n");
    assertThat(s).doesNotContain("b/c@1000000").doesNotContain("b/c@50000000");
  }

  @Test
  void theJsonReadsBackAndKeepsThePreviousInvocationOfTheSameJar() throws Exception {
    Path json = dir.resolve("benchmarks.json");
    Invocation first = BenchJson.invocation(meta("j1"), BenchResults.readTsv(results()));
    Files.writeString(json, BenchJson.write(List.of(first)));
    List<Invocation> back = BenchJson.read(json);
    assertThat(back).hasSize(1);
    assertThat(back.get(0).measurements()).isEqualTo(first.measurements());
    assertThat(back.get(0).ratios()).hasSameSizeAs(first.ratios());
    for (int i = 0; i < first.ratios().size(); i++) {
      Ratio a = first.ratios().get(i);
      Ratio b = back.get(0).ratios().get(i);
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.status()).isEqualTo(a.status());
      assertThat(Double.compare(a.value(), b.value())).isZero();
    }
    Invocation sameJar = BenchJson.invocation(meta("j1"), BenchResults.readTsv(results()));
    assertThat(BenchJson.merge(back, sameJar)).hasSize(2);
    // another jar on a tree with changed files: a different code, the previous invocation goes
    Invocation otherJar = BenchJson.invocation(meta("j2"), BenchResults.readTsv(results()));
    assertThat(BenchJson.merge(back, otherJar)).containsExactly(otherJar);
    // three in a row on the same code: the page shows the last two
    assertThat(BenchJson.merge(BenchJson.merge(back, sameJar), sameJar)).hasSize(2);
  }

  @Test
  void twoInvocationsRenderSideBySide() throws Exception {
    Invocation first = BenchJson.invocation(meta("j1"), BenchResults.readTsv(results()));
    // the second invocation: fentrace at 1M a little slower (median 48 of 46, 48, 52)
    String tsv =
        Files.readString(results())
            .replace("fentrace\t1\t1350000\t44.0", "fentrace\t1\t1350000\t46.0")
            .replace("fentrace\t2\t1350000\t50.0", "fentrace\t2\t1350000\t52.0")
            .replace("fentrace\t3\t1350000\t40.0", "fentrace\t3\t1350000\t48.0");
    Path second = dir.resolve("second.tsv");
    Files.writeString(second, tsv);
    Invocation again = BenchJson.invocation(meta("j1"), BenchResults.readTsv(second));
    String md = BenchReport.render(List.of(first, again));
    // the 1M fentrace line: medians 44.0 / 48.0, runs of each
    assertThat(md)
        .contains("| 1,000,000 | (b) fentrace ingest | 1,350,000 / 1,350,000 | 44.0 / 48.0 |");
    assertThat(md).contains("44.0 (exit 3); 50.0 (exit 3); 40.0 (exit 3) / 46.0 (exit 3)");
    // b/a at 1M: 44 / 20 = 2.20 then 48 / 20 = 2.40, both missed
    assertThat(md)
        .contains(
            "| b/a at 1,000,000 rows (fentrace / raw Spark) | 2.20 (44.0 s / 20.0 s) / 2.40 (48.0 s / 20.0 s) |");
    assertThat(md).contains("| at most 2 | **missed** / **missed** |");
    assertThat(md).contains("## A night at national parcel scale");
    assertThat(md).contains("*first / second*");
    // a case the page has no section for still shows, under its own names (30.0 s both times)
    assertThat(md)
        .contains("## Case `single_file`")
        .contains("| 1,000,000 | `fentrace_one_file` | 1,350,000 / 1,350,000 | 30.0 / 30.0 |");
  }

  @Test
  void theSplitCaseHasAFloorForItsSpeedUpAndACeilingForTwentyFiles() throws Exception {
    // one run each; the ratios by hand: local[1] / local[2] = 135 / 100 = 1.35, below the floor
    // 1.7: missed; confined to one CPU 190 / 100 = 1.9 and one task 150 / 100 = 1.5 have no
    // target; one file / 20 files = 100 / 92 = 1.087 <= 1.10: met
    String tsv =
        HEADER
            + "split\t5000000\tone_file_local1\t1\t5000000\t135.0\t170\t6000000\t3\t1.5\t\n"
            + "split\t5000000\tone_file_local1_one_cpu\t1\t5000000\t190.0\t185\t6000000\t3\t1.5\t\n"
            + "split\t5000000\tone_file_local2\t1\t5000000\t100.0\t195\t6000000\t3\t1.5\t\n"
            + "split\t5000000\tone_file_local2_unsplit\t1\t5000000\t150.0\t190\t6000000\t3\t1.5\t\n"
            + "split\t5000000\ttwenty_files_local2\t1\t5000000\t92.0\t180\t6000000\t3\t1.5\t\n";
    Path p = dir.resolve("split.tsv");
    Files.writeString(p, tsv, StandardCharsets.UTF_8);
    Invocation inv = BenchJson.invocation(meta("j1"), BenchResults.readTsv(p));
    List<Ratio> rs = inv.ratios();
    Ratio speedUp = ratio(rs, "split_speedup@5000000");
    assertThat(speedUp.value()).isEqualTo(1.35, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(speedUp.atLeast()).isTrue();
    assertThat(speedUp.status()).isEqualTo(Status.MISSED);
    assertThat(ratio(rs, "split_speedup_one_cpu@5000000").value())
        .isEqualTo(1.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ratio(rs, "split_speedup_one_cpu@5000000").status()).isEqualTo(Status.REFERENCE);
    assertThat(ratio(rs, "split_gain@5000000").value())
        .isEqualTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
    Ratio twenty = ratio(rs, "twenty_files@5000000");
    assertThat(twenty.value()).isEqualTo(100.0 / 92, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(twenty.status()).isEqualTo(Status.MET);
    // the floor reads as a floor in the summary and survives the JSON
    assertThat(BenchTargets.summary(rs))
        .contains("split_speedup@5000000=1.35 (>=1.70 missed)")
        .contains("twenty_files@5000000=1.09 (<=1.10 met)");
    Path json = dir.resolve("split.json");
    Files.writeString(json, BenchJson.write(List.of(inv)));
    Ratio back = ratio(BenchJson.read(json).get(0).ratios(), "split_speedup@5000000");
    assertThat(back.atLeast()).isTrue();
    assertThat(back.status()).isEqualTo(Status.MISSED);
    // the page has a section for the case, every run on its own line
    String md = BenchReport.render(List.of(inv));
    assertThat(md)
        .contains("## One large file parsed in byte ranges")
        .contains("| 5,000,000 | one file, `local[1]` confined to one CPU | 5,000,000 | 190.0 |")
        .doesNotContain("## Case `split`");
  }

  @Test
  void theSplitTargetsAreSetAtFiveMillionRowsOnly() throws Exception {
    // the same figures at 1,000,000 rows: local[1] / local[2] = 60 / 50 = 1.2 and one file / 20
    // files = 50 / 40 = 1.25 would both miss their targets, but no target is set at that size
    String tsv =
        HEADER
            + "split\t1000000\tone_file_local1\t1\t1000000\t60.0\t70\t3000000\t3\t1.5\t\n"
            + "split\t1000000\tone_file_local2\t1\t1000000\t50.0\t90\t3000000\t3\t1.5\t\n"
            + "split\t1000000\ttwenty_files_local2\t1\t1000000\t40.0\t75\t3000000\t3\t1.5\t\n";
    Path p = dir.resolve("split-small.tsv");
    Files.writeString(p, tsv, StandardCharsets.UTF_8);
    List<Ratio> rs = BenchJson.invocation(meta("j1"), BenchResults.readTsv(p)).ratios();
    Ratio speedUp = ratio(rs, "split_speedup@1000000");
    assertThat(speedUp.value()).isEqualTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(speedUp.status()).isEqualTo(Status.REFERENCE);
    assertThat(speedUp.atLeast()).isTrue(); // still read as a speed-up, a floor, where one is set
    Ratio twenty = ratio(rs, "twenty_files@1000000");
    assertThat(twenty.value()).isEqualTo(1.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(twenty.status()).isEqualTo(Status.REFERENCE);
    assertThat(BenchTargets.summary(rs)).contains("met=0 missed=0");
  }

  @Test
  void thePageIsRewrittenWholeAndLinksToTheJournalItLeavesAlone() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path json = docs.resolve("benchmarks.json");
    Files.writeString(
        json,
        BenchJson.write(
            List.of(BenchJson.invocation(meta("j1"), BenchResults.readTsv(results())))));
    Path journal = docs.resolve("benchmarks-journal.md");
    String handWritten = "# Benchmark journal\n\n## A change tried by hand\n";
    Files.writeString(journal, handWritten);
    Path page = docs.resolve("benchmarks.md");
    Files.writeString(page, "# Benchmarks\n\n## A section from an older page\n");

    BenchReport.main(
        new String[] {
          "--json", json.toString(), "--out", page.toString(), "--journal", journal.toString()
        });
    String md = Files.readString(page);
    assertThat(md).startsWith("# Benchmarks\n").doesNotContain("A section from an older page");
    assertThat(md).contains("The [journal](benchmarks-journal.md) keeps what was measured by hand");
    assertThat(Files.readString(journal)).isEqualTo(handWritten);

    // a record kept in docs/bench/ reaches the same journal one folder up
    Path kept = Files.createDirectories(docs.resolve("bench")).resolve("2026-12-03-a-change.md");
    BenchReport.main(
        new String[] {
          "--json", json.toString(), "--out", kept.toString(), "--journal", journal.toString()
        });
    assertThat(Files.readString(kept)).contains("The [journal](../benchmarks-journal.md)");

    // no journal where it was said to be: no link, rather than a broken one
    BenchReport.main(
        new String[] {
          "--json",
          json.toString(),
          "--out",
          page.toString(),
          "--journal",
          docs.resolve("none.md").toString()
        });
    assertThat(Files.readString(page)).doesNotContain("[journal](");
  }
}
