package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fentrace.core.VocabularyMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected codes are written from ISO 3166-1, not read back from the implementation. */
class CountryNormalizerTest {
  private static final CountryNormalizer COUNTRIES = CountryNormalizer.loadDefault();

  static Stream<Arguments> known() {
    return Stream.of(
        // the China family
        arguments("China", "CN"),
        arguments("CHINA", "CN"),
        arguments("china", "CN"),
        arguments("CN", "CN"),
        arguments("cn", "CN"),
        arguments("CHN", "CN"),
        arguments("PRC", "CN"),
        arguments("P.R.C.", "CN"),
        arguments("p.r.c", "CN"),
        arguments("P. R. C.", "CN"),
        arguments("PR China", "CN"),
        arguments("People's Republic of China", "CN"),
        arguments("Peoples Republic of China", "CN"),
        arguments("People\u2019s Republic of China", "CN"),
        arguments("The People's Republic of China", "CN"),
        arguments("China, People's Republic of", "CN"),
        arguments("CHINA, PEOPLES REPUBLIC OF", "CN"),
        arguments("China (Mainland)", "CN"),
        arguments("Mainland China", "CN"),
        arguments("China (PRC)", "CN"),
        arguments("República Popular China", "CN"),
        // Hong Kong and Macau keep their own codes
        arguments("Hong Kong", "HK"),
        arguments("HONG KONG", "HK"),
        arguments("Hong-Kong", "HK"),
        arguments("hong_kong", "HK"),
        arguments("Hongkong", "HK"),
        arguments("HK", "HK"),
        arguments("HKG", "HK"),
        arguments("Hong Kong SAR", "HK"),
        arguments("Hong Kong, China", "HK"),
        arguments("HKSAR", "HK"),
        arguments("Hong Kong SAR China", "HK"),
        arguments("China, Hong Kong SAR", "HK"),
        arguments("Macau", "MO"),
        arguments("Macao", "MO"),
        arguments("MO", "MO"),
        arguments("MAC", "MO"),
        arguments("Macau SAR", "MO"),
        arguments("Macao SAR China", "MO"),
        arguments("Taiwan", "TW"),
        arguments("TWN", "TW"),
        arguments("Taiwan, Province of China", "TW"),
        arguments("Taiwán", "TW"),
        arguments("Chinese Taipei", "TW"),
        // Mexico
        arguments("Mexico", "MX"),
        arguments("México", "MX"),
        arguments("MÉXICO", "MX"),
        arguments("Mexico.", "MX"),
        arguments("  Mexico  ", "MX"),
        arguments("MX", "MX"),
        arguments("MEX", "MX"),
        arguments("mex", "MX"),
        arguments("Estados Unidos Mexicanos", "MX"),
        arguments("United Mexican States", "MX"),
        arguments("Méjico", "MX"),
        // United States
        arguments("United States", "US"),
        arguments("US", "US"),
        arguments("USA", "US"),
        arguments("U.S.A.", "US"),
        arguments("U. S. A.", "US"),
        arguments("u.s.a", "US"),
        arguments("U.S.", "US"),
        arguments("United States of America", "US"),
        arguments("the United States of America", "US"),
        arguments("EE.UU.", "US"),
        arguments("EEUU", "US"),
        arguments("Estados Unidos", "US"),
        arguments("Estados Unidos de América", "US"),
        // neighbours and transit countries, English and Spanish
        arguments("Canada", "CA"),
        arguments("Canadá", "CA"),
        arguments("CAN", "CA"),
        arguments("Guatemala", "GT"),
        arguments("GTM", "GT"),
        arguments("Republic of Guatemala", "GT"),
        arguments("Belize", "BZ"),
        arguments("Belice", "BZ"),
        arguments("BLZ", "BZ"),
        arguments("Honduras", "HN"),
        arguments("El Salvador", "SV"),
        arguments("Nicaragua", "NI"),
        arguments("Costa Rica", "CR"),
        arguments("Panama", "PA"),
        arguments("Panamá", "PA"),
        arguments("PAN", "PA"),
        arguments("República de Panamá", "PA"),
        arguments("Colombia", "CO"),
        arguments("COL", "CO"),
        arguments("Ecuador", "EC"),
        arguments("Peru", "PE"),
        arguments("Perú", "PE"),
        arguments("PER", "PE"),
        arguments("Brasil", "BR"),
        arguments("Brazil", "BR"),
        arguments("Venezuela", "VE"),
        arguments("Venezuela (Bolivarian Republic of)", "VE"),
        arguments("Bolivia (Plurinational State of)", "BO"),
        arguments("Dominican Republic", "DO"),
        arguments("República Dominicana", "DO"),
        arguments("Dominica", "DM"),
        // Asia
        arguments("India", "IN"),
        arguments("IND", "IN"),
        arguments("Indonesia", "ID"),
        arguments("IDN", "ID"),
        arguments("Korea", "KR"),
        arguments("South Korea", "KR"),
        arguments("Republic of Korea", "KR"),
        arguments("Korea, Republic of", "KR"),
        arguments("KOR", "KR"),
        arguments("Corea del Sur", "KR"),
        arguments("North Korea", "KP"),
        arguments("DPRK", "KP"),
        arguments("Korea, Democratic People's Republic of", "KP"),
        arguments("PRK", "KP"),
        arguments("Viet Nam", "VN"),
        arguments("Vietnam", "VN"),
        arguments("VNM", "VN"),
        arguments("Burma", "MM"),
        arguments("Myanmar", "MM"),
        arguments("Japan", "JP"),
        arguments("Japón", "JP"),
        arguments("Singapur", "SG"),
        arguments("Filipinas", "PH"),
        arguments("Thailand", "TH"),
        arguments("Pakistan", "PK"),
        arguments("Iran, Islamic Republic of", "IR"),
        arguments("Lao People's Democratic Republic", "LA"),
        arguments("UAE", "AE"),
        arguments("Emiratos Árabes Unidos", "AE"),
        // Europe
        arguments("UK", "GB"),
        arguments("U.K.", "GB"),
        arguments("United Kingdom", "GB"),
        arguments("Great Britain", "GB"),
        arguments("GBR", "GB"),
        arguments("Reino Unido", "GB"),
        arguments("Holland", "NL"),
        arguments("Netherlands", "NL"),
        arguments("The Netherlands", "NL"),
        arguments("Netherlands, The", "NL"),
        arguments("Países Bajos", "NL"),
        arguments("NLD", "NL"),
        arguments("Germany", "DE"),
        arguments("Alemania", "DE"),
        arguments("DEU", "DE"),
        arguments("Czech Republic", "CZ"),
        arguments("Czechia", "CZ"),
        arguments("Türkiye", "TR"),
        arguments("Turkiye", "TR"),
        arguments("Turkey", "TR"),
        arguments("TUR", "TR"),
        arguments("Russia", "RU"),
        arguments("Russian Federation", "RU"),
        arguments("RUS", "RU"),
        arguments("Republic of Ireland", "IE"),
        arguments("España", "ES"),
        arguments("Suiza", "CH"),
        arguments("Macedonia", "MK"),
        arguments("Moldova, Republic of", "MD"),
        // Africa, punctuation and "&"
        arguments("Ivory Coast", "CI"),
        arguments("Côte d\u2019Ivoire", "CI"),
        arguments("Cote d'Ivoire", "CI"),
        arguments("CIV", "CI"),
        arguments("Nigeria", "NG"),
        arguments("Niger", "NE"),
        arguments("South Africa", "ZA"),
        arguments("Sudáfrica", "ZA"),
        arguments("Namibia", "NA"),
        arguments("NAM", "NA"),
        arguments("Republic of the Congo", "CG"),
        arguments("Congo-Brazzaville", "CG"),
        arguments("Democratic Republic of the Congo", "CD"),
        arguments("DRC", "CD"),
        arguments("Congo (Kinshasa)", "CD"),
        arguments("Bosnia & Herzegovina", "BA"),
        arguments("Bosnia and Herzegovina", "BA"),
        arguments("Trinidad and Tobago", "TT"),
        arguments("St. Kitts & Nevis", "KN"),
        arguments("Saint Kitts and Nevis", "KN"),
        arguments("St Lucia", "LC"),
        arguments("Saint Vincent and the Grenadines", "VC"),
        arguments("The Bahamas", "BS"),
        arguments("Bahamas, The", "BS"),
        arguments("Gambia, The", "GM"),
        arguments("São Tomé & Príncipe", "ST"),
        arguments("Sao Tome and Principe", "ST"),
        arguments("Curaçao", "CW"),
        arguments("Virgin Islands (British)", "VG"),
        arguments("U.S. Virgin Islands", "VI"),
        arguments("Puerto Rico", "PR"),
        arguments("Australia", "AU"),
        arguments("New Zealand", "NZ"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("known")
  void resolvesKnownSpellings(String raw, String alpha2) {
    assertThat(COUNTRIES.toAlpha2(raw)).isEqualTo(alpha2);
  }

  @ParameterizedTest(name = "[{0}] is unknown")
  @NullSource
  @ValueSource(
      strings = {
        "",
        "   ",
        "-",
        "N/A",
        "NA",
        "unknown",
        "XX",
        "EU",
        "Atlantis",
        "Mexico City",
        "Shanghai",
        "Tijuana",
        "Chinese",
        "Asia",
        "Congo",
        "the Congo",
        "Republic of China",
        "The Republic of China",
        "Virgin Islands",
        "CN|MX",
        "China Mexico"
      })
  void leavesBlankAmbiguousAndUnknownTextUnresolved(String raw) {
    assertThat(COUNTRIES.toAlpha2(raw)).isNull();
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        arguments("CN|MX; GT", List.of("CN", "MX", "GT"), List.of()),
        arguments("China | Mexico", List.of("CN", "MX"), List.of()),
        arguments("CHN;MEX;USA", List.of("CN", "MX", "US"), List.of()),
        arguments("P.R.C.; Hong Kong SAR; México", List.of("CN", "HK", "MX"), List.of()),
        arguments("China, Mexico", List.of("CN", "MX"), List.of()),
        arguments("China, Hong Kong", List.of("CN", "HK"), List.of()),
        arguments("Hong Kong, China", List.of("HK"), List.of()),
        arguments("Korea, Republic of", List.of("KR"), List.of()),
        arguments("Korea, Republic of | Mexico", List.of("KR", "MX"), List.of()),
        arguments("CN|Atlantis|MX", List.of("CN", "MX"), List.of("Atlantis")),
        arguments("PRC|Congo|GT", List.of("CN", "GT"), List.of("Congo")),
        arguments("Mexico City, Guatemala", List.of("GT"), List.of("Mexico City")),
        arguments("CN;;MX|", List.of("CN", "MX"), List.of()),
        arguments("CN|HK|CN", List.of("CN", "HK"), List.of()),
        arguments("Canadá", List.of("CA"), List.of()),
        arguments("nowhere", List.of(), List.of("nowhere")),
        arguments("", List.of(), List.of()),
        arguments(" | ; ", List.of(), List.of()));
  }

  @ParameterizedTest(name = "[{0}] -> {1}, unknown {2}")
  @MethodSource("lists")
  void splitsTransitLists(String raw, List<String> codes, List<String> unknowns) {
    assertThat(COUNTRIES.splitList(raw)).containsExactlyElementsOf(codes);
    assertThat(COUNTRIES.unknownsInList(raw)).containsExactlyElementsOf(unknowns);
  }

  @Test
  void nullListIsEmpty() {
    assertThat(COUNTRIES.splitList(null)).isEmpty();
    assertThat(COUNTRIES.unknownsInList(null)).isEmpty();
  }

  @Test
  void everyIsoCodeResolvesToItselfExceptNaWhichMeansNotAvailable() {
    for (String cc : Locale.getISOCountries()) {
      String expected = cc.equals("NA") ? null : cc;
      assertThat(COUNTRIES.toAlpha2(cc)).as(cc).isEqualTo(expected);
      assertThat(COUNTRIES.toAlpha2(cc.toLowerCase(Locale.ROOT))).as(cc).isEqualTo(expected);
      assertThat(COUNTRIES.toAlpha2(new Locale("", cc).getISO3Country())).as(cc).isEqualTo(cc);
    }
  }

  @Test
  void everyVariantInTheFileResolvesToItsCode() {
    for (String[] row : CountryNormalizer.variantRows()) {
      String expected = row[1].isEmpty() ? null : row[1];
      assertThat(COUNTRIES.toAlpha2(row[0])).as(row[0]).isEqualTo(expected);
    }
  }

  @Test
  void keysIgnoreCaseAccentsPunctuationAndSpacing() {
    assertThat(VocabularyMatcher.key("  Hong-Kong_SAR ")).isEqualTo("hong kong sar");
    assertThat(VocabularyMatcher.key("U.S.A.")).isEqualTo("usa");
    assertThat(VocabularyMatcher.key("Côte d\u2019Ivoire")).isEqualTo("cote divoire");
    assertThat(VocabularyMatcher.key("Antigua & Barbuda")).isEqualTo("antigua and barbuda");
    assertThat(VocabularyMatcher.key("China, People's  Republic of"))
        .isEqualTo("china peoples republic of");
    assertThat(VocabularyMatcher.key("Coastal/Interior")).isEqualTo("coastal interior");
    assertThat(VocabularyMatcher.key(null)).isEmpty();
    assertThat(VocabularyMatcher.key(" -- ")).isEmpty();
    assertThat(CountryNormalizer.countryKey("St. Lucia")).isEqualTo("saint lucia");
    assertThat(CountryNormalizer.countryKey("P. R. C.")).isEqualTo("prc");
    assertThat(CountryNormalizer.countryKey("U. S. Virgin Islands")).isEqualTo("us virgin islands");
    assertThat(CountryNormalizer.countryKey("S. Korea")).isEqualTo("s korea");
  }

  @Test
  void serializesAsTheDefaultInstance() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(COUNTRIES);
    }
    assertThat(bytes.size()).isLessThan(1_000);
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Object back = in.readObject();
      assertThat(back).isSameAs(CountryNormalizer.loadDefault());
      assertThat(((CountryNormalizer) back).toAlpha2("PRC")).isEqualTo("CN");
    }
  }

  @Test
  void isSafeToShareBetweenThreads() {
    List<String> inputs = List.of("PRC", "México", "Hong Kong SAR", "U.S.A.", "Congo", "Canadá");
    Set<String> results =
        IntStream.range(0, 20_000)
            .parallel()
            .mapToObj(
                i ->
                    inputs.get(i % inputs.size())
                        + "="
                        + COUNTRIES.toAlpha2(inputs.get(i % inputs.size())))
            .collect(Collectors.toSet());
    assertThat(results)
        .containsExactlyInAnyOrder(
            "PRC=CN", "México=MX", "Hong Kong SAR=HK", "U.S.A.=US", "Congo=null", "Canadá=CA");
  }
}
