package org.fentrace.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fentrace.generate.GeneratedCsv.Row;
import org.fentrace.generate.LandingGenerator.FileSummary;
import org.fentrace.generate.LandingGenerator.Options;
import org.fentrace.generate.LandingGenerator.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorTest {
  private static final LocalDate FY2019 = LocalDate.of(2018, 10, 1);

  @TempDir Path tmp;

  private Options options(String dir, long rows, int chunks) {
    return new Options(rows, tmp.resolve(dir), 99, FY2019, 1826, chunks, 0.005, 0.3);
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> names =
        GeneratedCsv.files(expected, "*.csv").stream()
            .map(p -> p.getFileName().toString())
            .toList();
    assertThat(GeneratedCsv.files(actual, "*.csv"))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(names);
    for (String n : names) {
      assertThat(Files.mismatch(expected.resolve(n), actual.resolve(n))).as(n).isEqualTo(-1L);
    }
  }

  @Test
  void sameOptionsTwiceWriteIdenticalBytes() throws IOException {
    LandingGenerator.generate(options("a", 12_000, 3));
    LandingGenerator.generate(options("b", 12_000, 3));
    assertThat(GeneratedCsv.files(tmp.resolve("a"), "*.csv")).hasSize(6);
    assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
  }

  @Test
  void threadCountAndSingleChunkRunsDoNotChangeTheBytes() throws IOException {
    LandingGenerator.generate(options("one", 9_000, 4), 1);
    LandingGenerator.generate(options("many", 9_000, 4), 8);
    assertSameFiles(tmp.resolve("one"), tmp.resolve("many"));
    LandingGenerator.generateChunk(options("alone", 9_000, 4), 2);
    for (String n : List.of("seizures-2.csv", "shipments-2.csv")) {
      assertThat(Files.mismatch(tmp.resolve("one").resolve(n), tmp.resolve("alone").resolve(n)))
          .isEqualTo(-1L);
    }
  }

  @Test
  void rowCountsAreExact() throws IOException {
    Options o = new Options(10_007, tmp.resolve("n"), 5, FY2019, 1826, 3, 0.005, 0.37);
    Summary s = LandingGenerator.generate(o);
    long seizures = 0;
    for (int c = 0; c < 3; c++) {
      long n = GeneratedCsv.rows(o.outDir().resolve("seizures-" + c + ".csv")).size();
      long m = GeneratedCsv.rows(o.outDir().resolve("shipments-" + c + ".csv")).size();
      assertThat(n).isEqualTo(o.seizureRows(c)).isEqualTo(s.files().get(2 * c).rows());
      assertThat(m)
          .isEqualTo(o.shipmentRows(c))
          .isEqualTo((long) Math.ceil(n * 0.37))
          .isEqualTo(s.files().get(2 * c + 1).rows());
      seizures += n;
    }
    assertThat(seizures).isEqualTo(10_007).isEqualTo(s.rows("seizure_events"));
    assertThat(o.seizureRows(0)).isEqualTo(3336);
    assertThat(o.seizureRows(2)).isEqualTo(3335);
  }

  @Test
  void firstRowOfAChunkDoesNotDependOnTheRowCount() throws IOException {
    LandingGenerator.generate(options("small", 3, 3));
    LandingGenerator.generate(options("large", 30_000, 3));
    for (Path f : GeneratedCsv.files(tmp.resolve("small"), "*.csv")) {
      List<String> small = Files.readAllLines(f);
      List<String> large = Files.readAllLines(tmp.resolve("large").resolve(f.getFileName()));
      assertThat(small).as(f.getFileName().toString()).hasSizeGreaterThan(1);
      assertThat(large.subList(0, small.size())).isEqualTo(small);
    }
  }

  @Test
  void badRowsAndRevisionsComeAtTheirRates() throws IOException {
    Summary s = LandingGenerator.generate(options("rates", 40_000, 4));
    long seizureBad =
        s.files().stream()
            .filter(f -> f.format().equals("seizure_events"))
            .mapToLong(FileSummary::badRows)
            .sum();
    long shipmentBad = s.badRows() - seizureBad;
    long revisions = s.files().stream().mapToLong(FileSummary::revisions).sum();
    assertThat(seizureBad).isBetween(140L, 260L); // 0.5% of 40,000 = 200
    assertThat(shipmentBad).isBetween(30L, 95L); // 0.5% of 12,000 = 60
    assertThat(revisions)
        .isBetween(45L, 120L); // 0.2% of 40,000 = 80, minus those due after the end

    Options clean = new Options(5_000, tmp.resolve("clean"), 99, FY2019, 1826, 2, 0, 0.3);
    assertThat(LandingGenerator.generate(clean).badRows()).isZero();
  }

  @Test
  void eachPlantedRowIsBadInTheWayTheSummarySays() throws IOException {
    Summary s = LandingGenerator.generate(options("planted", 20_000, 2));
    for (FileSummary f : s.files()) {
      Map<Long, Row> byLine =
          GeneratedCsv.rows(f.file()).stream().collect(Collectors.toMap(Row::line, r -> r));
      assertThat(f.planted()).hasSize((int) (f.badRows() + f.revisions()));
      for (LandingGenerator.Planted p : f.planted()) {
        Row row = byLine.get(p.line());
        assertThat(row).as("%s line %d", f.file().getFileName(), p.line()).isNotNull();
        boolean seizure = f.format().equals("seizure_events");
        assertThat(row.get(seizure ? "seizure_id" : "shipment_id")).isEqualTo(p.id());
        if (!p.kind().equals(ChunkWriter.REVISION)) {
          assertThat(BadRows.kindOf(row, seizure))
              .as("%s line %d", f.file().getFileName(), p.line())
              .isEqualTo(BadKind.valueOf(p.kind()));
        }
      }
      Map<BadKind, Long> found = new HashMap<>();
      for (Row row : GeneratedCsv.rows(f.file())) {
        BadKind k = BadRows.kindOf(row, f.format().equals("seizure_events"));
        if (k != null) {
          found.merge(k, 1L, Long::sum);
        }
      }
      assertThat(found).as(f.file().getFileName().toString()).isEqualTo(f.badByKind());
    }
  }

  @Test
  void revisionsRepeatAnEarlierIdOfTheSameFileWithAnotherQuantity() throws IOException {
    Summary s = LandingGenerator.generate(options("rev", 20_000, 2));
    for (FileSummary f :
        s.files().stream().filter(x -> x.format().equals("seizure_events")).toList()) {
      Map<String, Row> first = new HashMap<>();
      long repeats = 0;
      for (Row r : GeneratedCsv.rows(f.file())) {
        String id = r.get("seizure_id");
        if (id.isEmpty()) {
          continue;
        }
        Row earlier = first.putIfAbsent(id, r);
        if (earlier != null) {
          repeats++;
          assertThat(r.get("quantity")).isNotEqualTo(earlier.get("quantity"));
          assertThat(r.get("seizure_date")).isEqualTo(earlier.get("seizure_date"));
          assertThat(r.get("substance")).isEqualTo(earlier.get("substance"));
          assertThat(r.line() - earlier.line())
              .isBetween(1L, (long) ChunkWriter.REVISION_WINDOW + 5);
        }
      }
      assertThat(repeats).isEqualTo(f.revisions()).isPositive();
    }
  }

  @Test
  void linkedSeizuresPointAtSeizedShipmentsOfTheirOwnChunk() throws IOException {
    Options o = options("links", 20_000, 2);
    LandingGenerator.generate(o);
    long linked = 0;
    long withoutOrigin = 0;
    for (int c = 0; c < 2; c++) {
      Map<String, Row> shipments =
          GeneratedCsv.rows(o.outDir().resolve("shipments-" + c + ".csv")).stream()
              .filter(r -> !r.get("shipment_id").isEmpty())
              .collect(Collectors.toMap(r -> r.get("shipment_id"), r -> r));
      for (Row r : GeneratedCsv.rows(o.outDir().resolve("seizures-" + c + ".csv"))) {
        String id = r.get("shipment_id");
        if (id.isEmpty()) {
          continue;
        }
        linked++;
        Row ship = shipments.get(id);
        if (ship == null) { // the shipment row itself was made bad by blanking its id
          continue;
        }
        assertThat(ship.get("inspection_outcome")).isEqualTo("seized");
        if (!r.get("substance").isEmpty()) { // blank only in a deliberately bad row
          assertThat(r.get("substance")).isEqualTo(ship.get("seized_substance"));
        }
        withoutOrigin += r.get("origin_country").isEmpty() ? 1 : 0;
      }
    }
    assertThat(linked).isGreaterThan(200);
    assertThat(withoutOrigin).isGreaterThan(linked / 4);
  }

  @Test
  void anIdTagChangesTheIdsAndNothingElse() throws IOException {
    LandingGenerator.generate(options("plain", 6_000, 2));
    Options tagged =
        new Options(6_000, tmp.resolve("tagged"), 99, FY2019, 1826, 2, 0.005, 0.3, "D20261001");
    LandingGenerator.generate(tagged);
    for (String n :
        List.of("seizures-0.csv", "seizures-1.csv", "shipments-0.csv", "shipments-1.csv")) {
      String plain = Files.readString(tmp.resolve("plain").resolve(n));
      String withTag = Files.readString(tmp.resolve("tagged").resolve(n));
      // SZD20261001-1-000000042 is SZ1-000000042 with the tag: removing it gives the untagged file
      // back.
      assertThat(withTag).as(n).contains("D20261001-").isNotEqualTo(plain);
      assertThat(withTag.replaceAll("\\b([A-Z]{2,3})D20261001-(\\d+-\\d{9})\\b", "$1$2"))
          .as(n)
          .isEqualTo(plain);
    }
    assertThatThrownBy(() -> new Options(1, tmp, 1, FY2019, 10, 1, 0.005, 0.3, "d-1"))
        .hasMessageContaining("'d-1'");
  }

  @Test
  void regeneratingWithFewerChunksRemovesTheStaleOnes() throws IOException {
    LandingGenerator.generate(options("same", 6_000, 3));
    Files.writeString(tmp.resolve("same/notes.csv"), "not the generator's\n");
    LandingGenerator.generate(options("same", 2_000, 1));
    assertThat(GeneratedCsv.files(tmp.resolve("same"), "*.csv"))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("seizures-0.csv", "shipments-0.csv", "notes.csv");
    LandingGenerator.generate(options("fresh", 2_000, 1));
    assertThat(
            Files.mismatch(tmp.resolve("same/seizures-0.csv"), tmp.resolve("fresh/seizures-0.csv")))
        .isEqualTo(-1L);
  }

  @Test
  void optionsAreValidatedWithMessagesNamingTheValue() {
    Path out = tmp.resolve("x");
    assertThatThrownBy(() -> new Options(-3, out, 1, FY2019, 10, 1, 0.005, 0.3))
        .hasMessageContaining("-3");
    assertThatThrownBy(() -> new Options(1, out, 1, FY2019, 0, 1, 0.005, 0.3))
        .hasMessageContaining("days")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new Options(1, out, 1, FY2019, 10, 0, 0.005, 0.3))
        .hasMessageContaining("chunks");
    assertThatThrownBy(() -> new Options(1, out, 1, FY2019, 10, 1, 0.9, 0.3))
        .hasMessageContaining("0.9");
    assertThatThrownBy(() -> new Options(1, out, 1, FY2019, 10, 1, 0.005, Double.NaN))
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Options(1, out, 1, LocalDate.of(2098, 6, 1), 400, 1, 0.005, 0.3))
        .hasMessageContaining("2098-06-01");
    assertThatThrownBy(() -> new Options(1, null, 1, FY2019, 10, 1, 0.005, 0.3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandLineExitsWith2OnBadArgumentsAnd0WhenDone() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(
            LandingGeneratorCli.run(
                new String[] {"--rows", "ten", "--out", "x", "--seed", "1"}, out, errs))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ten").contains("usage:");
    assertThat(LandingGeneratorCli.run(new String[] {"--rows", "10", "--seed", "1"}, out, errs))
        .isEqualTo(2);
    assertThat(
            LandingGeneratorCli.run(
                new String[] {"--rows", "10", "--out", "x", "--seed", "1", "--bogus"}, out, errs))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bogus");
    assertThat(
            LandingGeneratorCli.run(
                new String[] {
                  "--rows", "10", "--out", "x", "--seed", "1", "--first-day", "2021-02-30"
                },
                out,
                errs))
        .isEqualTo(2);
    assertThat(Files.exists(Path.of("x"))).isFalse();
    String dir = tmp.resolve("cli").toString();
    assertThat(
            LandingGeneratorCli.run(
                new String[] {"--rows", "100", "--out", dir, "--seed", "1", "--chunks", "2"},
                out,
                errs))
        .isZero();
    assertThat(GeneratedCsv.files(tmp.resolve("cli"), "*.csv")).hasSize(4);
  }
}
