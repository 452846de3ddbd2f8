package org.fentrace.normalize;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentrace.core.VocabularyMatcher;

/**
 * US states and territories to two-letter USPS codes, for {@code seizures.us_state} and {@code
 * shipments.destination_state} (the landing formats of docs/contract.md: "two-letter code or state
 * name").
 *
 * <p>Why a hand-written table: the JDK has no list of subdivisions, and the sources mix codes, full
 * names, AP-style abbreviations ({@code Calif.}, {@code N.M.}) and, in Mexican sources, Spanish
 * names ({@code Nuevo México}). Accepted: the 50 states, DC and the five inhabited territories (AS,
 * GU, MP, PR, VI). Not accepted: the freely associated states (FM, MH, PW, which {@link
 * CountryNormalizer} treats as countries) and the military codes AA, AE, AP. Matching uses {@link
 * VocabularyMatcher#key}: case, accents, dots and extra spaces do not matter ({@code N. M.} is
 * {@code NM}).
 */
public final class UsStates implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Code, then every accepted spelling besides the code itself. */
  private static final String[][] TABLE = {
    {"AL", "Alabama", "Ala."},
    {"AK", "Alaska"},
    {"AZ", "Arizona", "Ariz."},
    {"AR", "Arkansas", "Ark."},
    {"CA", "California", "Calif.", "Cal."},
    {"CO", "Colorado", "Colo."},
    {"CT", "Connecticut", "Conn."},
    {"DE", "Delaware", "Del."},
    {
      "DC",
      "District of Columbia",
      "Washington, D.C.",
      "Washington DC",
      "D.C.",
      "Distrito de Columbia"
    },
    {"FL", "Florida", "Fla."},
    {"GA", "Georgia", "Ga."},
    {"HI", "Hawaii", "Hawaiʻi", "Hawái"},
    {"ID", "Idaho"},
    {"IL", "Illinois", "Ill."},
    {"IN", "Indiana", "Ind."},
    {"IA", "Iowa"},
    {"KS", "Kansas", "Kan."},
    {"KY", "Kentucky", "Ky."},
    {"LA", "Louisiana", "Luisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland", "Md."},
    {"MA", "Massachusetts", "Mass."},
    {"MI", "Michigan", "Mich.", "Míchigan"},
    {"MN", "Minnesota", "Minn."},
    {"MS", "Mississippi", "Miss.", "Misisipi"},
    {"MO", "Missouri", "Misuri"},
    {"MT", "Montana", "Mont."},
    {"NE", "Nebraska", "Neb.", "Nebr."},
    {"NV", "Nevada", "Nev."},
    {"NH", "New Hampshire", "N.H.", "Nuevo Hampshire"},
    {"NJ", "New Jersey", "N.J.", "Nueva Jersey"},
    {"NM", "New Mexico", "N.M.", "N.Mex.", "Nuevo México"},
    {"NY", "New York", "N.Y.", "Nueva York"},
    {"NC", "North Carolina", "N.C.", "Carolina del Norte"},
    {"ND", "North Dakota", "N.D.", "N.Dak.", "Dakota del Norte"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma", "Okla."},
    {"OR", "Oregon", "Ore.", "Oreg.", "Oregón"},
    {"PA", "Pennsylvania", "Pa.", "Penn.", "Pensilvania"},
    {"RI", "Rhode Island", "R.I."},
    {"SC", "South Carolina", "S.C.", "Carolina del Sur"},
    {"SD", "South Dakota", "S.D.", "S.Dak.", "Dakota del Sur"},
    {"TN", "Tennessee", "Tenn.", "Tennesse"},
    {"TX", "Texas", "Tex."},
    {"UT", "Utah"},
    {"VT", "Vermont", "Vt."},
    {"VA", "Virginia", "Va."},
    {"WA", "Washington", "Wash.", "Washington State"},
    {"WV", "West Virginia", "W.Va.", "W.V.", "Virginia Occidental"},
    {"WI", "Wisconsin", "Wis.", "Wisc."},
    {"WY", "Wyoming", "Wyo."},
    {"AS", "American Samoa", "Samoa Americana"},
    {"GU", "Guam"},
    {"MP", "Northern Mariana Islands", "Northern Marianas", "CNMI", "Islas Marianas del Norte"},
    {"PR", "Puerto Rico", "P.R."},
    {
      "VI",
      "U.S. Virgin Islands",
      "US Virgin Islands",
      "Virgin Islands of the United States",
      "USVI",
      "Islas Vírgenes de los Estados Unidos"
    },
  };

  private static final Map<String, String> BY_KEY;
  private static final Map<String, List<String>> SPELLINGS;

  static {
    Map<String, String> byKey = new HashMap<>();
    Map<String, List<String>> spellings = new LinkedHashMap<>();
    for (String[] row : TABLE) {
      String code = row[0];
      spellings.put(code, List.of(row).subList(1, row.length));
      for (String spelling : row) {
        String key = VocabularyMatcher.joinInitials(VocabularyMatcher.key(spelling));
        String previous = byKey.put(key, code);
        if (previous != null && !previous.equals(code)) {
          throw new IllegalStateException(
              "UsStates: '" + spelling + "' is both " + previous + " and " + code);
        }
      }
    }
    BY_KEY = byKey;
    SPELLINGS = Collections.unmodifiableMap(spellings);
  }

  private UsStates() {}

  /**
   * The USPS code of a state or territory given as a code or a name ({@code tx}, {@code Texas},
   * {@code N.M.}, {@code Nuevo México}); null when blank or unknown. Never throws.
   */
  public static String toCode(String raw) {
    String key = VocabularyMatcher.joinInitials(VocabularyMatcher.key(raw));
    return key.isEmpty() ? null : BY_KEY.get(key);
  }

  /** Every accepted code, each with its accepted spellings besides the code, in table order. */
  public static Map<String, List<String>> spellingsByCode() {
    return SPELLINGS;
  }
}
