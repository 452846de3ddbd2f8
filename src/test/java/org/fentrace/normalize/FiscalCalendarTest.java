package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalCalendarTest {

  @ParameterizedTest(name = "{0} is FY{1}")
  @CsvSource({
    "2018-10-01, 2019", // first day of FY2019
    "2019-09-30, 2019", // last day of FY2019
    "2019-10-01, 2020",
    "2018-09-30, 2018",
    "2020-12-31, 2021",
    "2021-01-01, 2021",
  })
  void fiscalYearEndsOnSeptember30(LocalDate date, int fy) {
    assertThat(FiscalCalendar.fiscalYear(date)).isEqualTo(fy);
  }

  @ParameterizedTest(name = "FY{0} {1} starts {2}")
  @CsvSource({
    "2019, OCT, 2018-10-01", // Oct-Dec belong to the previous calendar year
    "2019, Nov, 2018-11-01",
    "2019, dec, 2018-12-01",
    "2019, JAN, 2019-01-01",
    "2019, SEP, 2019-09-01",
    "2022, SEP, 2022-09-01",
    "2022, Sept, 2022-09-01",
    "2022, september, 2022-09-01",
    "2025, ' mar ', 2025-03-01",
  })
  void firstDayOfFiscalMonth(int fy, String month, LocalDate expected) {
    assertThat(FiscalCalendar.firstDayOfFiscalMonth(fy, month)).isEqualTo(expected);
    assertThat(FiscalCalendar.fiscalYear(expected)).isEqualTo(fy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "13", "Ma", "Octobre", "Mayo", "J"})
  void badMonthIsRejectedNamingTheValue(String month) {
    assertThatThrownBy(() -> FiscalCalendar.firstDayOfFiscalMonth(2019, month))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + month + "'");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingMonthIsRejected(String month) {
    assertThatThrownBy(() -> FiscalCalendar.firstDayOfFiscalMonth(2019, month))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyAbbreviationParses() {
    for (Month m : Month.values()) {
      assertThat(FiscalCalendar.parseMonthAbbreviation(m.name().substring(0, 3))).isEqualTo(m);
      assertThat(FiscalCalendar.parseMonthAbbreviation(m.name().toLowerCase())).isEqualTo(m);
    }
  }

  @ParameterizedTest(name = "{0} is fiscal month {1}")
  @CsvSource({"2018-10-15, 1", "2018-12-01, 3", "2019-01-31, 4", "2019-09-30, 12"})
  void fiscalMonthIndexStartsInOctober(LocalDate date, int index) {
    assertThat(FiscalCalendar.fiscalMonthIndex(date)).isEqualTo(index);
  }
}
