package org.fentrace.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import org.fentrace.core.VocabularyMatcher;

/**
 * Raw country text to ISO 3166-1 alpha-2 (docs/contract.md, the landing formats and "Vocabularies":
 * {@code origin_country}, {@code transit_countries}, {@code destination_country}, {@code
 * export_country}).
 *
 * <p>Why: route attribution turns on "did this come from China, Hong Kong, Macau or Mexico", and
 * the sources write those countries in a dozen ways ({@code PRC}, {@code China (Mainland)}, {@code
 * Hong Kong SAR}, {@code México}, {@code MEX}, {@code EE.UU.}). A wrong or missing code silently
 * moves a seizure to another route, so the table is explicit and tested.
 *
 * <p>The table is built once from two sources:
 *
 * <ul>
 *   <li>the JDK: every code of {@link Locale#getISOCountries()}, its alpha-3 code and its English
 *       and Spanish names (CLDR data, so {@code Côte d’Ivoire}, {@code Países Bajos}, ...);
 *   <li>{@code country-variants.csv} next to this class: curated variants (official long forms, ISO
 *       3166 short names, abbreviations, historical names, Spanish forms). They take priority over
 *       JDK names, so everything routes rely on is pinned whatever the JDK's locale data. A variant
 *       with an empty code is deliberately unknown (ambiguous, e.g. {@code Congo}).
 * </ul>
 *
 * <p>Matching is on {@link VocabularyMatcher#key} (accents, case, dots, commas, apostrophes and
 * extra spaces do not matter, {@code &} is "and") with {@code St.} read as {@code Saint}. When the
 * full key is not known, the words {@code the} and {@code republic of} (Spanish {@code república
 * de}/{@code del}) are dropped and the rest tried again, unless that leaves a text that several
 * countries share: such collisions are recorded as ambiguous, never resolved by chance. Cities are
 * not countries: {@code Mexico City} is unknown.
 *
 * <p>Hong Kong (HK) and Macau (MO) keep their own codes; routes treat CN, HK and MO together.
 *
 * <p>The instance is immutable and thread-safe. It serializes as a tiny token that resolves to the
 * executor's own {@link #loadDefault()} instance, so shipping it in a Spark closure is cheap.
 */
public final class CountryNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The curated variants resource, relative to this class. */
  static final String VARIANTS_RESOURCE = "country-variants.csv";

  private static final int STRIPPED = 1;
  private static final int NAME = 2;
  private static final int EXPLICIT = 3;

  /** Normalized key to alpha-2; the empty string marks a deliberately unknown or ambiguous key. */
  private final Map<String, String> byKey;

  private CountryNormalizer(Map<String, String> byKey) {
    this.byKey = byKey;
  }

  private static final class DefaultHolder {
    static final CountryNormalizer INSTANCE = build(variantRows());
  }

  /** The shared instance built from the JDK and the bundled variants file. */
  public static CountryNormalizer loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * The alpha-2 code of a country given by name (English or Spanish), alpha-2 or alpha-3 code or a
   * known variant; null for null, blank, ambiguous or unknown text. Never throws.
   */
  public String toAlpha2(String raw) {
    String key = countryKey(raw);
    if (key.isEmpty()) {
      return null;
    }
    String code = byKey.get(key);
    if (code == null) {
      String withoutThe = strip(key, false);
      if (!withoutThe.equals(key)) {
        code = byKey.get(withoutThe);
      }
      if (code == null) {
        String stripped = strip(withoutThe, true);
        if (!stripped.equals(withoutThe)) {
          code = byKey.get(stripped);
        }
      }
    }
    return code == null || code.isEmpty() ? null : code;
  }

  /**
   * The alpha-2 codes of a list of countries, in order, each code once, unknown pieces dropped;
   * never null. Pieces are separated by {@code |} or {@code ;}; only when neither occurs, and the
   * whole text is not itself one country (as {@code Korea, Republic of} or {@code Hong Kong, China}
   * are), by {@code ,}. {@code "CN|MX; GT"} gives {@code [CN, MX, GT]}.
   */
  public List<String> splitList(String raw) {
    Set<String> codes = new LinkedHashSet<>();
    for (String piece : pieces(raw)) {
      String code = toAlpha2(piece);
      if (code != null) {
        codes.add(code);
      }
    }
    return List.copyOf(codes);
  }

  /**
   * The pieces of a list (split as by {@link #splitList}, trimmed) that did not resolve to a
   * country, in order, so callers can count them; never null.
   */
  public List<String> unknownsInList(String raw) {
    List<String> unknown = new ArrayList<>();
    for (String piece : pieces(raw)) {
      if (toAlpha2(piece) == null) {
        unknown.add(piece);
      }
    }
    return Collections.unmodifiableList(unknown);
  }

  private List<String> pieces(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    boolean strong = raw.indexOf('|') >= 0 || raw.indexOf(';') >= 0;
    if (!strong && (raw.indexOf(',') < 0 || toAlpha2(raw) != null)) {
      return List.of(raw.trim());
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : '|';
      boolean separator = strong ? (c == '|' || c == ';') : c == ',';
      if (separator || i == raw.length()) {
        String piece = raw.substring(start, i).trim();
        if (!piece.isEmpty()) {
          out.add(piece);
        }
        start = i + 1;
      }
    }
    return out;
  }

  /**
   * {@link VocabularyMatcher#key} with spaced initials joined ({@link
   * VocabularyMatcher#joinInitials}) and the word {@code st} read as {@code saint}.
   */
  static String countryKey(String raw) {
    String key = VocabularyMatcher.joinInitials(VocabularyMatcher.key(raw));
    if (!(key.equals("st")
        || key.startsWith("st ")
        || key.contains(" st ")
        || key.endsWith(" st"))) {
      return key;
    }
    StringBuilder sb = new StringBuilder(key.length() + 8);
    for (String token : key.split(" ")) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(token.equals("st") ? "saint" : token);
    }
    return sb.toString();
  }

  /**
   * A key without the word "the" and, when {@code republic}, also without "republic of" and
   * "república de/del". Lookups drop "the" first, so a variant kept unknown on purpose ({@code
   * Republic of China}) stays unknown when written {@code The Republic of China}.
   */
  static String strip(String key, boolean republic) {
    String[] tokens = key.split(" ");
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      String next = i + 1 < tokens.length ? tokens[i + 1] : "";
      if (t.equals("the")) {
        continue;
      }
      if (republic
          && ((t.equals("republic") && next.equals("of"))
              || (t.equals("republica") && (next.equals("de") || next.equals("del"))))) {
        i++;
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t);
    }
    return sb.toString();
  }

  private static CountryNormalizer build(List<String[]> variants) {
    Map<String, String> codes = new HashMap<>();
    Map<String, Integer> priorities = new HashMap<>();
    Locale spanish = Locale.forLanguageTag("es");
    for (String cc : Locale.getISOCountries()) {
      Locale locale = new Locale("", cc);
      put(codes, priorities, cc, cc, NAME);
      try {
        put(codes, priorities, locale.getISO3Country(), cc, NAME);
      } catch (MissingResourceException e) {
        // no alpha-3 code in this JDK: names still work
      }
      for (String name :
          new String[] {
            locale.getDisplayCountry(Locale.ENGLISH), locale.getDisplayCountry(spanish)
          }) {
        if (!name.equalsIgnoreCase(cc)) {
          putName(codes, priorities, name, cc, NAME);
        }
      }
    }
    for (String[] row : variants) {
      putName(codes, priorities, row[0], row[1], EXPLICIT);
    }
    return new CountryNormalizer(Map.copyOf(codes));
  }

  private static void putName(
      Map<String, String> codes,
      Map<String, Integer> priorities,
      String name,
      String code,
      int priority) {
    String key = countryKey(name);
    put(codes, priorities, key, code, priority);
    put(codes, priorities, strip(key, false), code, STRIPPED);
    put(codes, priorities, strip(key, true), code, STRIPPED);
  }

  private static void put(
      Map<String, String> codes,
      Map<String, Integer> priorities,
      String key,
      String code,
      int priority) {
    key = countryKey(key);
    if (key.isEmpty()) {
      return;
    }
    Integer old = priorities.get(key);
    if (old == null || priority > old) {
      codes.put(key, code);
      priorities.put(key, priority);
    } else if (priority == old && !codes.get(key).equals(code)) {
      if (priority == EXPLICIT) {
        throw new IllegalStateException(
            VARIANTS_RESOURCE
                + ": '"
                + key
                + "' is given both as '"
                + codes.get(key)
                + "' and as '"
                + code
                + "'");
      }
      codes.put(key, ""); // the same text names two countries: ambiguous
    }
  }

  /**
   * The rows of the variants file as {@code {variant, alpha2}} ({@code alpha2} empty for a
   * deliberately unknown variant), in file order.
   *
   * @throws IllegalStateException when the file is missing or a row is malformed or names a code
   *     that is not ISO 3166-1 alpha-2
   */
  static List<String[]> variantRows() {
    Set<String> iso = Set.of(Locale.getISOCountries());
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = CountryNormalizer.class.getResourceAsStream(VARIANTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + VARIANTS_RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()
            || trimmed.startsWith("#")
            || trimmed.equalsIgnoreCase("variant,alpha2")) {
          continue;
        }
        String[] row = parseRow(trimmed);
        if (row == null || row[0].isBlank() || !(row[1].isEmpty() || iso.contains(row[1]))) {
          throw new IllegalStateException(
              VARIANTS_RESOURCE
                  + " line "
                  + number
                  + ": expected 'variant,alpha2' with an ISO 3166-1 alpha-2 code or nothing: "
                  + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** One CSV row of two fields; the first may be quoted ({@code "Korea, Republic of",KR}). */
  private static String[] parseRow(String line) {
    String variant;
    int comma;
    if (line.startsWith("\"")) {
      StringBuilder sb = new StringBuilder();
      int i = 1;
      while (true) {
        if (i >= line.length()) {
          return null;
        }
        char c = line.charAt(i++);
        if (c == '"') {
          if (i < line.length() && line.charAt(i) == '"') {
            sb.append('"');
            i++;
          } else {
            break;
          }
        } else {
          sb.append(c);
        }
      }
      variant = sb.toString();
      comma = i;
      if (comma >= line.length() || line.charAt(comma) != ',') {
        return null;
      }
    } else {
      comma = line.lastIndexOf(',');
      if (comma < 0) {
        return null;
      }
      variant = line.substring(0, comma);
    }
    String code = line.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
    return new String[] {variant.strip(), code};
  }

  private Object writeReplace() {
    return new DefaultToken();
  }

  /** What a serialized {@link CountryNormalizer} is: "the default one". */
  private static final class DefaultToken implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return loadDefault();
    }
  }
}
