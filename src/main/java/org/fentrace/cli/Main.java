package org.fentrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code jobs/fentrace} and of spark-submit: one subcommand per pipeline step.
 */
@Command(
    name = "fentrace",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Fentanyl supply routes from customs and seizure data: ingest, normalize, attribute, trend.",
    subcommands = {
      RunCommand.class,
      IngestCommand.class,
      TrendsCommand.class,
      ReportCommand.class,
      SqlCommand.class,
      RunsCommand.class,
      GenerateCommand.class,
      PathsCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the run failed; readers still see the previous state",
      "2:usage or configuration error, found before any Spark work",
      "3:a data-quality gate failed (a file skipped or too many rejects); what passed was written"
    })
public final class Main {
  public static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (used by tests without exiting the JVM). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof org.fentrace.config.ConfigException) {
            cmd.getErr().println("fentrace: " + e.getMessage());
            return EXIT_USAGE;
          }
          throw e;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println("fentrace: " + e.getMessage());
          e.getCommandLine()
              .getErr()
              .println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return EXIT_USAGE;
        });
    return cli.execute(args);
  }
}
