package org.fentrace.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructType;
import org.fentrace.cli.Main;
import org.fentrace.core.Confidence;
import org.fentrace.core.InputFormat;
import org.fentrace.core.Route;
import org.fentrace.core.SubstanceClass;
import org.fentrace.routes.RouteSensitivity;
import org.fentrace.trends.TrendSchemas;
import org.fentrace.trends.TrendsAction;
import org.fentrace.warehouse.WarehouseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Holds {@code docs/contract.md}, written by hand, to the code it promises: every set checked here
 * is derived from the sources (the table enum and the trend action's table list, {@link
 * InputFormat}, the subcommands registered on {@link Main}, its exit code list, the vocabulary
 * enums), so a table, format, command or option added to the code without its contract entry fails
 * here with a message naming what is missing and where. {@code docs/data-dictionary.md} is
 * generated from the same code and kept current by DataDictionaryTest; its table list is checked
 * here too, so the three cannot drift apart.
 */
class ContractDocsTest {
  static final String CONTRACT = "docs/contract.md";
  static final String DICTIONARY = "docs/data-dictionary.md";
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  static MarkdownDoc contract;
  static MarkdownDoc dictionary;

  @BeforeAll
  static void read() throws IOException {
    contract = MarkdownDoc.read(CONTRACT);
    dictionary = MarkdownDoc.read(DICTIONARY);
  }

  /** Every table the code writes, by folder name, with its columns. */
  static Map<String, List<String>> codeTables() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (WarehouseTable t : WarehouseTable.values()) {
      tables.put(t.tableName(), t.fieldNames());
    }
    for (String t : TrendsAction.TABLES) {
      StructType schema = TrendSchemas.forTable(t);
      tables.put(t, Arrays.asList(schema.fieldNames()));
    }
    // Written by the pipeline after the trend tables, from the stored seizures under several rule
    // sets.
    tables.put(RouteSensitivity.TABLE, Arrays.asList(RouteSensitivity.SCHEMA.fieldNames()));
    // Written after those, from route_monthly and lab_reports, one estimate per policy event and
    // series.
    tables.put(
        org.fentrace.effects.PolicyEffectsTable.TABLE,
        Arrays.asList(org.fentrace.effects.PolicyEffectsTable.SCHEMA.fieldNames()));
    return tables;
  }

  /** The contract's table of tables: folder name to the columns it promises. */
  static Map<String, List<String>> contractTables() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    MarkdownDoc section = contract.requireSection("Warehouse (output)").requireSection("Tables");
    for (List<String> row :
        section.requireTable("table", "one row is", "columns users rely on").rows()) {
      List<String> columns =
          Arrays.stream(firstBackticked(row.get(2), CONTRACT + " table " + row.get(0)).split(","))
              .map(String::strip)
              .toList();
      tables.put(firstBackticked(row.get(0), CONTRACT + " table row " + row), columns);
    }
    return tables;
  }

  @Test
  void theContractListsExactlyTheTablesTheCodeWrites() {
    assertSameNames(
        "tables",
        codeTables().keySet(),
        "the code (WarehouseTable, TrendsAction.TABLES and RouteSensitivity)",
        contractTables().keySet(),
        CONTRACT + ", \"Warehouse (output)\" > \"Tables\"");
  }

  @Test
  void theDataDictionaryListsExactlyTheTablesTheCodeWrites() {
    Set<String> listed = new LinkedHashSet<>();
    for (List<String> row :
        dictionary
            .requireSection("Tables")
            .requireTable("table", "one row is", "partitioned by")
            .rows()) {
      listed.add(firstBackticked(row.get(0), DICTIONARY + " table row " + row));
    }
    assertSameNames(
        "tables",
        codeTables().keySet(),
        "the code (WarehouseTable, TrendsAction.TABLES and RouteSensitivity)",
        listed,
        DICTIONARY + ", \"Tables\"");
    for (String table : codeTables().keySet()) {
      assertThat(dictionary.section(table))
          .withFailMessage("%s has no section \"## %s\" describing its columns", DICTIONARY, table)
          .isPresent();
    }
  }

  @Test
  void everyColumnTheContractPromisesIsWritten() {
    Map<String, List<String>> code = codeTables();
    List<String> missing = new ArrayList<>();
    contractTables()
        .forEach(
            (table, promised) -> {
              List<String> written = code.getOrDefault(table, List.of());
              promised.stream()
                  .filter(c -> !written.contains(c))
                  .forEach(c -> missing.add(table + "." + c));
            });
    assertThat(missing)
        .withFailMessage(
            "%s promises columns the code does not write: %s (the code's columns are in"
                + " the Avro schemas and TrendSchemas)",
            CONTRACT, missing)
        .isEmpty();
  }

  @Test
  void everyInputFormatIsInTheContractWithItsColumns() {
    MarkdownDoc landing = contract.requireSection("Landing (input)");
    Set<String> documented = new TreeSet<>();
    for (String heading : landing.headings()) {
      Matcher m = Pattern.compile("\\(`([a-z_]+)`\\)").matcher(heading);
      while (m.find()) {
        documented.add(m.group(1));
      }
    }
    Set<String> code =
        Arrays.stream(InputFormat.values())
            .map(InputFormat::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertSameNames(
        "input formats",
        code,
        "InputFormat",
        documented,
        CONTRACT + ", \"Landing (input)\" (a heading naming the format id as (`id`))");

    for (InputFormat f : InputFormat.values()) {
      MarkdownDoc section = formatSection(landing, f);
      if (f.optionalColumns().isEmpty()) {
        // A published layout, documented by its header line and its signature column.
        Set<String> keys = new TreeSet<>();
        Matcher m = BACKTICKED.matcher(section.text());
        while (m.find()) {
          Arrays.stream(m.group(1).split(",")).map(InputFormat::columnKey).forEach(keys::add);
        }
        assertThat(keys)
            .withFailMessage(
                "%s does not name the columns %s of format %s (it names %s)",
                section.path, missing(f.requiredColumns(), keys), f.id(), keys)
            .containsAll(f.requiredColumns())
            .contains(f.signatureColumn());
      } else {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        for (List<String> row : section.requireTable("column", "required", "meaning").rows()) {
          for (String c : row.get(0).split(",")) {
            columns.put(InputFormat.columnKey(c), row.get(1).equals("yes"));
          }
        }
        assertSameNames(
            "required columns of " + f.id(),
            new TreeSet<>(f.requiredColumns()),
            "InputFormat." + f.name(),
            keysWith(columns, true),
            section.path);
        assertSameNames(
            "optional columns of " + f.id(),
            new TreeSet<>(f.optionalColumns()),
            "InputFormat." + f.name(),
            keysWith(columns, false),
            section.path);
      }
    }
  }

  @Test
  void everySubcommandAndOptionIsInTheContract() {
    MarkdownDoc cliSection = contract.requireSection("Command line");
    Map<String, CommandLine> subcommands = new CommandLine(Main.class).getSubcommands();
    Set<String> documented = new TreeSet<>();
    for (List<String> row : cliSection.requireTable("command", "does").rows()) {
      documented.add(firstBackticked(row.get(0), CONTRACT + " command row " + row));
    }
    assertSameNames(
        "subcommands",
        new TreeSet<>(subcommands.keySet()),
        "the subcommands registered in cli/Main",
        documented,
        CONTRACT + ", \"Command line\" (the command | does table)");

    Map<String, String> perCommand = new LinkedHashMap<>();
    for (List<String> row : cliSection.requireTable("command", "options").rows()) {
      perCommand.put(firstBackticked(row.get(0), CONTRACT + " options row " + row), row.get(1));
    }
    String pipelineOptions =
        cliSection.requireTable("option", "meaning").rows().stream()
            .map(r -> r.get(0))
            .collect(Collectors.joining(" "));
    List<String> missing = new ArrayList<>();
    subcommands.forEach(
        (name, cmd) -> {
          String documentedOptions = perCommand.getOrDefault(name, pipelineOptions);
          for (OptionSpec o : cmd.getCommandSpec().options()) {
            String option = o.longestName();
            if (o.usageHelp() || o.versionHelp()) {
              continue;
            }
            if (!Pattern.compile(Pattern.quote(option) + "(?![a-z-])")
                .matcher(documentedOptions)
                .find()) {
              missing.add(name + " " + option);
            }
          }
        });
    assertThat(missing)
        .withFailMessage(
            "%s, \"Command line\" does not document these options (pipeline commands in"
                + " the option | meaning table, the others in their row of the command | options table): %s",
            CONTRACT, missing)
        .isEmpty();
  }

  @Test
  void theExitCodesAreTheOnesMainDeclares() {
    Set<String> code =
        Arrays.stream(Main.class.getAnnotation(CommandLine.Command.class).exitCodeList())
            .map(e -> e.substring(0, e.indexOf(':')).strip())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    for (List<String> row :
        contract.requireSection("Exit codes").requireTable("code", "meaning").rows()) {
      documented.add(firstBackticked(row.get(0), CONTRACT + " exit code row " + row));
    }
    assertSameNames(
        "exit codes", code, "cli/Main's exitCodeList", documented, CONTRACT + ", \"Exit codes\"");
  }

  @Test
  void theVocabulariesNameEveryValue() {
    Set<String> named = new TreeSet<>();
    Matcher m = BACKTICKED.matcher(contract.requireSection("Vocabularies").text());
    while (m.find()) {
      named.add(m.group(1));
    }
    List<String> missing = new ArrayList<>();
    for (Enum<?>[] values :
        List.<Enum<?>[]>of(Route.values(), SubstanceClass.values(), Confidence.values())) {
      Arrays.stream(values)
          .filter(v -> !named.contains(v.name()))
          .forEach(v -> missing.add(v.getDeclaringClass().getSimpleName() + "." + v.name()));
    }
    assertThat(missing)
        .withFailMessage("%s, \"Vocabularies\" does not name %s", CONTRACT, missing)
        .isEmpty();
  }

  private static MarkdownDoc formatSection(MarkdownDoc landing, InputFormat f) {
    String heading =
        landing.headings().stream()
            .filter(h -> h.contains("(`" + f.id() + "`)"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError(CONTRACT + " has no heading naming format " + f.id()));
    return landing.requireSection(heading);
  }

  private static Set<String> keysWith(Map<String, Boolean> columns, boolean required) {
    return columns.entrySet().stream()
        .filter(e -> e.getValue() == required)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> missing(List<String> expected, Set<String> have) {
    return expected.stream().filter(c -> !have.contains(c)).toList();
  }

  private static String firstBackticked(String cell, String where) {
    Matcher m = BACKTICKED.matcher(cell);
    if (!m.find()) {
      throw new AssertionError(where + ": expected a `name` in the cell '" + cell + "'");
    }
    return m.group(1);
  }

  /** Fails naming each name that one side has and the other lacks. */
  static void assertSameNames(
      String what, Set<String> code, String codeWhere, Set<String> doc, String docWhere) {
    Set<String> notDocumented = new TreeSet<>(code);
    notDocumented.removeAll(doc);
    Set<String> notInCode = new TreeSet<>(doc);
    notInCode.removeAll(code);
    assertThat(notDocumented.isEmpty() && notInCode.isEmpty())
        .withFailMessage(
            "%s differ. In %s but missing from %s: %s. In %s but not in %s: %s.",
            what, codeWhere, docWhere, notDocumented, docWhere, codeWhere, notInCode)
        .isTrue();
  }
}
