package org.fentrace.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentrace.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks a command line written in a scheduler file against the CLI's real options (picocli's model
 * of {@link Main}): the subcommand exists, every option is one of its options, and picocli parses
 * the whole line (arity, required options, types) once templated values are replaced by sample
 * ones.
 */
final class CliArguments {
  static final String SAMPLE_DATE = "2026-11-28";

  private CliArguments() {}

  /** Main's model, built the way picocli builds it at run time (the constructor is private). */
  static CommandLine cli() {
    return new CommandLine(Main.class);
  }

  static void assertValid(String source, List<String> args) {
    assertThat(args).as("%s: fentrace arguments", source).isNotEmpty();
    String command = args.get(0);
    CommandLine sub = cli().getSubcommands().get(command);
    assertThat(sub)
        .as(
            "%s: subcommand '%s' (fentrace has %s)",
            source, command, cli().getSubcommands().keySet())
        .isNotNull();
    CommandSpec spec = sub.getCommandSpec();
    Map<String, OptionSpec> options = spec.optionsMap();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-")) {
        continue;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      OptionSpec option = options.get(name);
      if (option == null) {
        fail(
            "%s: '%s %s' has no option %s; its options are %s",
            source, "fentrace", command, name, new TreeMap<>(options).keySet());
      }
      if (option.arity().min() > 0 && !a.contains("=")) {
        assertThat(i + 1).as("%s: %s needs a value", source, name).isLessThan(args.size());
        i++;
      }
    }
    List<String> rendered = render(args);
    try {
      cli().parseArgs(rendered.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail("%s: fentrace rejects %s: %s", source, rendered, e.getMessage());
    }
  }

  /** The value that follows {@code option}, or null. */
  static String valueOf(List<String> args, String option) {
    int i = args.indexOf(option);
    return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
  }

  private static final Pattern TEMPLATE =
      Pattern.compile("\\{\\{[^}]*}}|\\$\\([^)]*\\)|\\$\\{?\\w+}?");

  /**
   * Replaces Jinja templates ({{ ds }}) and shell expansions ($(date ...), $d) with sample values:
   * a date after --run-date, a word elsewhere.
   */
  static List<String> render(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      boolean date = i > 0 && args.get(i - 1).equals("--run-date");
      Matcher m = TEMPLATE.matcher(a);
      out.add(date && m.find() ? SAMPLE_DATE : m.replaceAll("x"));
    }
    return out;
  }
}
