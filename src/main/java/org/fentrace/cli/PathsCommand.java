package org.fentrace.cli;

import java.util.concurrent.Callable;
import org.fentrace.warehouse.WarehouseLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints one path of a warehouse's layout, so the launcher (and an operator's script) never spells
 * one: {@code fentrace paths --output DIR ledger}. Hidden: a plumbing command. Starts no Spark and
 * reads nothing.
 */
@Command(
    name = "paths",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Print a path of the warehouse layout (names: see --help).")
final class PathsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The warehouse folder.")
  String warehouse;

  @Parameters(
      paramLabel = "NAME",
      description =
          "One of: root, state, ledger, journal, rules-stamp, aggregates, runs, "
              + "lock, exports, report, staging, trash, secrets.")
  String name;

  @Override
  public Integer call() {
    if (!WarehouseLayout.NAMED.containsKey(name)) {
      spec.commandLine()
          .getErr()
          .println(
              "fentrace: unknown warehouse path '"
                  + name
                  + "'; known: "
                  + String.join(", ", WarehouseLayout.NAMED.keySet()));
      return Main.EXIT_USAGE;
    }
    spec.commandLine().getOut().println(new WarehouseLayout(warehouse).named(name));
    return 0;
  }
}
