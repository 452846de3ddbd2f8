package org.fentrace.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * HTML escaping, number formatting and small table building for the report. Every number cell of a
 * table carries its exact value in {@code data-v} (plain decimal, as in the CSV exports) next to
 * the rounded text a reader sees, so tests and analysts can check the page against the exports.
 */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** kg to one decimal with thousands separators: {@code 7,029.8}. */
  static String kg(BigDecimal v) {
    return pattern("#,##0.0").format(v.setScale(1, RoundingMode.HALF_UP));
  }

  static String count(long v) {
    return pattern("#,##0").format(v);
  }

  /** A percentage to one decimal, or an en dash for null. */
  static String pct(Double v) {
    return v == null || v.isNaN() ? "–" : pattern("0.0").format(v) + "%";
  }

  /** A signed percentage: {@code +12.5%}, {@code −3.0%}. */
  static String signedPct(Double v) {
    if (v == null || v.isNaN()) {
      return "–";
    }
    String s = pattern("0.0").format(Math.abs(v)) + "%";
    return (v >= 0 ? "+" : "−") + s;
  }

  /** Plain decimal without exponent or trailing zeros, as the CSV exports write it. */
  static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  private static DecimalFormat pattern(String p) {
    DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.US));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f;
  }

  /** A kg cell: rounded text, exact value in data-v. */
  static String kgCell(BigDecimal v) {
    return "<td class=\"num\" data-v=\"" + plain(v) + "\">" + kg(v) + "</td>";
  }

  static String countCell(long v) {
    return "<td class=\"num\" data-v=\"" + v + "\">" + count(v) + "</td>";
  }

  static String textCell(String v) {
    return "<td>" + esc(v) + "</td>";
  }

  static String numCell(String text) {
    return "<td class=\"num\">" + esc(text) + "</td>";
  }

  /** A table with a header row; {@code rows} are complete {@code <tr>...</tr>} strings. */
  static String table(String id, List<String> header, List<String> rows) {
    StringBuilder b = new StringBuilder();
    b.append("<table id=\"").append(esc(id)).append("\"><thead><tr>");
    for (String h : header) {
      b.append("<th scope=\"col\">").append(esc(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>\n");
    for (String r : rows) {
      b.append(r).append('\n');
    }
    if (rows.isEmpty()) {
      b.append("<tr><td colspan=\"").append(header.size()).append("\">no rows</td></tr>\n");
    }
    return b.append("</tbody></table>").toString();
  }

  /** A table row with data-* key attributes (name, value pairs) and the given cells. */
  static String row(List<String> keyAttributes, String... cells) {
    StringBuilder b = new StringBuilder("<tr");
    for (int i = 0; i + 1 < keyAttributes.size(); i += 2) {
      b.append(" data-")
          .append(keyAttributes.get(i))
          .append("=\"")
          .append(esc(keyAttributes.get(i + 1)))
          .append('"');
    }
    b.append('>');
    for (String c : cells) {
      b.append(c);
    }
    return b.append("</tr>").toString();
  }

  /** A link that opens outside the report (never loaded by the page itself). */
  static String link(String url, String text) {
    return "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(text) + "</a>";
  }
}
