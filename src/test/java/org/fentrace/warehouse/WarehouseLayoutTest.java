package org.fentrace.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fentrace.action.ActionOption;
import org.fentrace.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * The warehouse layout is spelled once: the paths are the ones docs/contract.md and
 * docs/operations.md document (written out by hand below from those documents), no other main
 * source holds a warehouse path literal, and the launcher asks {@code fentrace paths} instead of
 * spelling one.
 */
class WarehouseLayoutTest {
  private final WarehouseLayout layout = new WarehouseLayout("/w");

  @Test
  void thePathsAreTheDocumentedOnes() {
    assertThat(layout.ledger()).hasToString("/w/_state/ledger.json");
    assertThat(layout.journal()).hasToString("/w/_state/journal.json");
    assertThat(layout.rulesStamp()).hasToString("/w/_state/route-rules.json");
    assertThat(layout.aggregate("seizure_cells")).hasToString("/w/_state/aggregates/seizure_cells");
    assertThat(layout.otherVersions("seizures")).hasToString("/w/_state/other_versions/seizures");
    assertThat(layout.runManifest("R1")).hasToString("/w/_runs/R1.json");
    assertThat(layout.staged("R1", "route_monthly")).hasToString("/w/_staging/R1/route_monthly");
    assertThat(layout.trash("R1")).hasToString("/w/_trash/R1");
    assertThat(layout.lock()).hasToString("/w/_lock");
    assertThat(layout.partyHashKey()).hasToString("/w/_secrets/party-hash.key");
    assertThat(layout.export("route_monthly")).hasToString("/w/exports/route_monthly.csv");
    assertThat(layout.reportIndex()).hasToString("/w/report/index.html");
    assertThat(layout.table(WarehouseTable.SEIZURES)).hasToString("/w/seizures");
    assertThat(WarehouseLayout.successMarker(layout.table("route_trends")))
        .hasToString("/w/route_trends/_SUCCESS");
  }

  @Test
  void thePathsCommandPrintsANamedPathAndRefusesAnUnknownName() {
    assertThat(paths("ledger")).isEqualTo(new Printed(0, "/w/_state/ledger.json"));
    assertThat(paths("journal")).isEqualTo(new Printed(0, "/w/_state/journal.json"));
    assertThat(paths("no-such-path").exitCode()).isEqualTo(Main.EXIT_USAGE);
    assertThatThrownBy(() -> layout.named("no-such-path"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noOtherSourceSpellsAWarehousePath() throws IOException {
    // A string literal that starts with one of the layout's own folder or file names.
    Pattern literal =
        Pattern.compile(
            "\"(_state|_runs|_staging|_trash|_lock|_secrets|_aggregates|_other_versions"
                + "|_reattributed|ledger\\.json|journal\\.json|route-rules\\.json|party-hash\\.key)\\b");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.getFileName().toString().equals("WarehouseLayout.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (literal.matcher(lines.get(i)).find()) {
            offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(offenders).as("warehouse path literals outside WarehouseLayout").isEmpty();
    assertThat(Files.readString(Path.of("jobs/fentrace")))
        .as("the launcher asks for paths")
        .doesNotContain("_state")
        .contains("paths --output");
  }

  @Test
  void aFlagOptionTakesTrueOrFalseOnly() {
    ActionOption<Boolean> flag = ActionOption.flag("write-exports", true);
    assertThat(flag.parse("FALSE")).isFalse();
    assertThat(flag.defaultValue()).isTrue();
    assertThatThrownBy(() -> flag.parse("yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write-exports must be true or false");
  }

  private record Printed(int exitCode, String out) {}

  private static Printed paths(String name) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      int code = Main.execute("paths", "--output", "/w", name);
      return new Printed(code, buffer.toString(StandardCharsets.UTF_8).strip());
    } finally {
      System.setOut(saved);
    }
  }
}
