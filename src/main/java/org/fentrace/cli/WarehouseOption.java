package org.fentrace.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --warehouse} option of the commands that read a warehouse someone else wrote ({@code
 * sql}, {@code runs}), mixed in so that its name, label and help read the same in each.
 */
final class WarehouseOption {
  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "WAREHOUSE",
      description = "Warehouse folder.")
  String warehouse;
}
