package org.fentrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles {@code report/index.html} from the template and stylesheet under {@code
 * src/main/resources/org/fentrace/report/}: the headline, a table of contents, each figure (caption
 * facts, inline SVG chart, notes, data table) grouped by section, and the policy events. One file,
 * no scripts, nothing fetched: it opens from disk anywhere.
 */
final class HtmlPage {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  /** Figures whose data table is open by default (the ones a reader checks numbers in). */
  private static final Set<String> OPEN_TABLES =
      Set.of(
          "fig-fiscal-year",
          "fig-analogs",
          "fig-trends",
          "fig-files",
          "fig-rejects",
          "fig-coverage",
          "fig-rules",
          "fig-unattributed");

  private HtmlPage() {}

  static String render(ReportData d, Headline headline, List<Figure> figures, String version) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("version", Html.esc(version));
    v.put("css", resource("report.css"));
    v.put("runDate", Html.esc(d.run().runDate().toString()));
    v.put("runId", Html.esc(d.run().runId()));
    v.put("span", Html.esc(span(d.months())));
    v.put(
        "rulesVersion",
        Html.esc(
            d.run().rulesVersion() == null || d.run().rulesVersion().isEmpty()
                ? "unknown"
                : d.run().rulesVersion()));
    v.put("warehouse", Html.esc(d.run().warehouse()));
    v.put("headline", list(headline.lines(), "summary-lines"));
    StringBuilder cautions = new StringBuilder();
    headline
        .cautions()
        .forEach(
            c ->
                cautions
                    .append("<p class=\"caution\" role=\"note\">")
                    .append(Html.esc(c))
                    .append("</p>\n"));
    v.put("cautions", cautions.toString());
    v.put("toc", toc(figures));
    v.put("sections", sections(d, figures));
    v.put("eventsSource", Html.esc(d.policyEventsSource()));
    v.put("eventsTable", eventsTable(d, figures));
    v.put("tables", Html.esc(String.join(", ", ReportAction.SOURCE_TABLES)));
    v.put(
        "manifestRunId",
        Html.esc(
            d.run().manifestRunId() == null || d.run().manifestRunId().isEmpty()
                ? "(none)"
                : d.run().manifestRunId()));
    Matcher m = PLACEHOLDER.matcher(resource("report.html"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = v.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("report template: no value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String span(List<YearMonth> months) {
    return months.isEmpty() ? "none yet" : months.get(0) + " to " + months.get(months.size() - 1);
  }

  private static String list(List<String> lines, String id) {
    StringBuilder b = new StringBuilder("<ul id=\"" + id + "\">\n");
    lines.forEach(l -> b.append("<li>").append(Html.esc(l)).append("</li>\n"));
    return b.append("</ul>").toString();
  }

  private static String toc(List<Figure> figures) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Figure f : figures) {
      b.append("<li><a href=\"#")
          .append(f.id())
          .append("\">")
          .append(++n)
          .append(". ")
          .append(Html.esc(f.title()))
          .append("</a></li>\n");
    }
    return b.append("<li><a href=\"#policy-events\">Policy events</a></li>\n")
        .append("<li><a href=\"#reading\">How to read this report</a></li>")
        .toString();
  }

  private static String sections(ReportData d, List<Figure> figures) {
    Map<String, List<Figure>> bySection = new LinkedHashMap<>();
    figures.forEach(f -> bySection.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f));
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Map.Entry<String, List<Figure>> e : bySection.entrySet()) {
      String id =
          "section-" + e.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      b.append("<section id=\"")
          .append(id)
          .append("\">\n<h2>")
          .append(Html.esc(e.getKey()))
          .append("</h2>\n");
      for (Figure f : e.getValue()) {
        b.append(figure(d, f, ++n));
      }
      b.append("</section>\n");
    }
    return b.toString();
  }

  private static String figure(ReportData d, Figure f, int number) {
    StringBuilder b = new StringBuilder();
    b.append("<figure id=\"")
        .append(f.id())
        .append("\" class=\"figure")
        .append(f.hasChart() ? " has-chart" : "")
        .append("\" data-events=\"")
        .append(join(f.eventsDrawn()))
        .append("\">\n<figcaption>\n<h3>")
        .append(number)
        .append(". ")
        .append(Html.esc(f.title()))
        .append("</h3>\n<p class=\"summary\">")
        .append(Html.esc(f.summary()))
        .append("</p>\n<dl class=\"facts\">\n");
    fact(b, "Unit", f.unit());
    fact(b, "Source tables", String.join(", ", f.sources()));
    fact(b, "Run date", d.run().runDate() + " (run " + d.run().runId() + ")");
    fact(b, "Rule confidence", f.confidence());
    if (f.hasChart() && f.timeChart()) {
      fact(
          b,
          "Policy events drawn",
          f.eventsDrawn().isEmpty()
              ? "none inside this chart's span"
              : join(f.eventsDrawn()) + " (numbers as in the Policy events table)");
    }
    b.append("</dl>\n</figcaption>\n");
    if (f.hasChart()) {
      b.append("<div class=\"chart\" role=\"img\" aria-label=\"")
          .append(Html.esc(f.title()))
          .append("\">\n")
          .append(f.svg())
          .append("\n</div>\n");
    }
    if (!f.notes().isEmpty()) {
      b.append("<ul class=\"notes\">\n");
      f.notes().forEach(n -> b.append("<li>").append(Html.esc(n)).append("</li>\n"));
      b.append("</ul>\n");
    }
    b.append("<details")
        .append(OPEN_TABLES.contains(f.id()) ? " open" : "")
        .append(">\n<summary>Data table</summary>\n")
        .append("<div class=\"tablewrap\">\n")
        .append(f.tableHtml())
        .append("\n</div>\n</details>\n</figure>\n");
    return b.toString();
  }

  private static void fact(StringBuilder b, String name, String value) {
    b.append("<dt>")
        .append(Html.esc(name))
        .append("</dt><dd>")
        .append(Html.esc(value))
        .append("</dd>\n");
  }

  private static String eventsTable(ReportData d, List<Figure> figures) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.policyEvents().size(); i++) {
      PolicyEvents.PolicyEvent e = d.policyEvents().get(i);
      int number = i + 1;
      long charts =
          figures.stream().filter(f -> f.hasChart() && f.eventsDrawn().contains(number)).count();
      rows.add(
          Html.row(
              List.of("event", Integer.toString(number)),
              Html.numCell(Integer.toString(number)),
              Html.textCell(e.date().toString()),
              Html.textCell(e.label()),
              Html.textCell(e.description()),
              "<td>" + Html.link(e.sourceUrl(), hostOf(e.sourceUrl())) + "</td>",
              Html.textCell(
                  charts == 0 ? "no (outside the data's span)" : "on " + charts + " chart(s)")));
    }
    return "<div class=\"tablewrap\">"
        + Html.table(
            "policy-events-table",
            List.of("#", "date", "event", "description", "source", "drawn"),
            rows)
        + "</div>";
  }

  private static String hostOf(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String join(List<Integer> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }

  static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/fentrace/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
