package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-03-05   | 2021-03-05",
        "2020-02-29   | 2020-02-29", // leap year
        "1999-12-31   | 1999-12-31",
        "03/05/2021   | 2021-03-05", // MM/dd/yyyy: month first
        "3/5/2021     | 2021-03-05",
        "12/1/2021    | 2021-12-01",
        "1/31/2021    | 2021-01-31",
        "05-mar-2021  | 2021-03-05",
        "05-MAR-2021  | 2021-03-05",
        "05-Mar-2021  | 2021-03-05",
        "5-mAr-2021   | 2021-03-05",
        "31-Dec-1999  | 1999-12-31",
        "01-Oct-2018  | 2018-10-01",
      })
  void parsesTheThreeFormats(String raw, LocalDate expected) {
    assertThat(EventDates.parse(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {" 2021-03-05 ", "\t03/05/2021", "05-Mar-2021  "})
  void surroundingWhitespaceIsIgnored(String raw) {
    assertThat(EventDates.parse(raw)).isEqualTo(LocalDate.of(2021, 3, 5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2021-02-30",
        "2021-13-45",
        "13/45/2021",
        "2/30/2021",
        "2021-02-29",
        "32-Jan-2021",
        "05-Xyz-2021",
        "yesterday",
        "2021/03/05",
        "05.03.2021",
        "03/05/21",
        "2021-3-5",
        "2021-03-05T00:00",
        "20210305",
        "0x/05/2021",
        "--"
      })
  void invalidDatesRaiseWithTheValueInTheMessage(String raw) {
    assertThatThrownBy(() -> EventDates.parse(raw))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("'" + raw + "'")
        .hasMessageContaining("yyyy-MM-dd");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankIsNotADate(String raw) {
    assertThatThrownBy(() -> EventDates.parse(raw))
        .isInstanceOf(DateTimeParseException.class)
        .hasMessageContaining("''");
  }

  @org.junit.jupiter.api.Test
  void nullIsNotADate() {
    assertThatThrownBy(() -> EventDates.parse(null)).isInstanceOf(DateTimeParseException.class);
  }

  @org.junit.jupiter.api.Test
  void parsedTextIsKeptInTheException() {
    DateTimeParseException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DateTimeParseException.class, () -> EventDates.parse("2021-13-45"));
    assertThat(e.getParsedString()).isEqualTo("2021-13-45");
  }
}
