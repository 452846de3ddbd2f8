package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * US states and territories by code, English or Spanish name and the abbreviations agencies write;
 * anything else (a Mexican state, a city) is no state.
 */
class UsStatesTest {
  static Stream<Arguments> states() {
    return Stream.of(
        arguments("TX", "TX"),
        arguments("tx", "TX"),
        arguments("Texas", "TX"),
        arguments("TEXAS", "TX"),
        arguments(" texas ", "TX"),
        arguments("Tex.", "TX"),
        arguments("CA", "CA"),
        arguments("California", "CA"),
        arguments("Calif.", "CA"),
        arguments("AZ", "AZ"),
        arguments("Arizona", "AZ"),
        arguments("NM", "NM"),
        arguments("New Mexico", "NM"),
        arguments("new_mexico", "NM"),
        arguments("NEW-MEXICO", "NM"),
        arguments("N.M.", "NM"),
        arguments("N. M.", "NM"),
        arguments("Nuevo México", "NM"),
        arguments("Florida", "FL"),
        arguments("New York", "NY"),
        arguments("Nueva York", "NY"),
        arguments("North Carolina", "NC"),
        arguments("Carolina del Norte", "NC"),
        arguments("West Virginia", "WV"),
        arguments("Virginia", "VA"),
        arguments("Washington", "WA"),
        arguments("District of Columbia", "DC"),
        arguments("Washington, D.C.", "DC"),
        arguments("DC", "DC"),
        arguments("Hawaii", "HI"),
        arguments("Hawai\u02bbi", "HI"),
        arguments("Hawái", "HI"),
        arguments("Puerto Rico", "PR"),
        arguments("PR", "PR"),
        arguments("Guam", "GU"),
        arguments("U.S. Virgin Islands", "VI"),
        arguments("Northern Mariana Islands", "MP"),
        arguments("American Samoa", "AS"),
        arguments("Georgia", "GA"),
        arguments("Michigan", "MI"),
        arguments("Massachusetts", "MA"));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @MethodSource("states")
  void usStates(String raw, String code) {
    assertThat(UsStates.toCode(raw)).isEqualTo(code);
  }

  @ParameterizedTest(name = "[{0}] is not a state")
  @NullSource
  @ValueSource(
      strings = {
        "",
        "  ",
        "XX",
        "Ontario",
        "Baja California",
        "Sonora",
        "Mexico",
        "FM",
        "AA",
        "Texas City",
        "unknown"
      })
  void unknownStates(String raw) {
    assertThat(UsStates.toCode(raw)).isNull();
  }

  @Test
  void everyStateByNameAndCode() {
    String[][] states = {
      {"AL", "Alabama"},
      {"AK", "Alaska"},
      {"AZ", "Arizona"},
      {"AR", "Arkansas"},
      {"CA", "California"},
      {"CO", "Colorado"},
      {"CT", "Connecticut"},
      {"DE", "Delaware"},
      {"FL", "Florida"},
      {"GA", "Georgia"},
      {"HI", "Hawaii"},
      {"ID", "Idaho"},
      {"IL", "Illinois"},
      {"IN", "Indiana"},
      {"IA", "Iowa"},
      {"KS", "Kansas"},
      {"KY", "Kentucky"},
      {"LA", "Louisiana"},
      {"ME", "Maine"},
      {"MD", "Maryland"},
      {"MA", "Massachusetts"},
      {"MI", "Michigan"},
      {"MN", "Minnesota"},
      {"MS", "Mississippi"},
      {"MO", "Missouri"},
      {"MT", "Montana"},
      {"NE", "Nebraska"},
      {"NV", "Nevada"},
      {"NH", "New Hampshire"},
      {"NJ", "New Jersey"},
      {"NM", "New Mexico"},
      {"NY", "New York"},
      {"NC", "North Carolina"},
      {"ND", "North Dakota"},
      {"OH", "Ohio"},
      {"OK", "Oklahoma"},
      {"OR", "Oregon"},
      {"PA", "Pennsylvania"},
      {"RI", "Rhode Island"},
      {"SC", "South Carolina"},
      {"SD", "South Dakota"},
      {"TN", "Tennessee"},
      {"TX", "Texas"},
      {"UT", "Utah"},
      {"VT", "Vermont"},
      {"VA", "Virginia"},
      {"WA", "Washington"},
      {"WV", "West Virginia"},
      {"WI", "Wisconsin"},
      {"WY", "Wyoming"},
      {"DC", "District of Columbia"},
      {"AS", "American Samoa"},
      {"GU", "Guam"},
      {"MP", "Northern Mariana Islands"},
      {"PR", "Puerto Rico"},
      {"VI", "U.S. Virgin Islands"},
    };
    for (String[] s : states) {
      assertThat(UsStates.toCode(s[0])).as(s[0]).isEqualTo(s[0]);
      assertThat(UsStates.toCode(s[0].toLowerCase(Locale.ROOT))).as(s[0]).isEqualTo(s[0]);
      assertThat(UsStates.toCode(s[1])).as(s[1]).isEqualTo(s[0]);
    }
    assertThat(UsStates.spellingsByCode()).hasSize(states.length);
  }
}
