package org.fentrace.analogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.fentrace.reference.Control;
import org.fentrace.reference.SchedulingReference;
import org.junit.jupiter.api.Test;

/**
 * Control dates per substance, read from the bundled scheduling.csv (the dates checked are its own
 * rows).
 */
class SchedulingTest {
  static final Scheduling SCHEDULING = new Scheduling(SchedulingReference.loadDefault());

  @Test
  void analogueWithUsAndChinaDates() {
    // furanyl fentanyl: US temporary order 2016-11-29 (81 FR 85873), China listing effective
    // 2017-03-01.
    Scheduling.Controls c = SCHEDULING.of("furanyl fentanyl");
    assertThat(c.listed()).isTrue();
    assertThat(c.us().control()).isEqualTo(Control.US_TEMPORARY);
    assertThat(c.us().date().date()).isEqualTo(LocalDate.of(2016, 11, 29));
    assertThat(c.us().date().source()).startsWith("81 FR 85873");
    assertThat(c.china().control()).isEqualTo(Control.CHINA);
    assertThat(c.china().date().date()).isEqualTo(LocalDate.of(2017, 3, 1));
  }

  @Test
  void classRowCarriesTheClassWideDatesAndNoAnalogueInheritsThem() {
    Scheduling.Controls cls = SCHEDULING.of("fentanyl-related substance");
    assertThat(cls.us().control()).isEqualTo(Control.US_CLASS_WIDE);
    assertThat(cls.us().date().date()).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(cls.china().control()).isEqualTo(Control.CHINA_CLASS_WIDE);
    assertThat(cls.china().date().date()).isEqualTo(LocalDate.of(2019, 5, 1));
    // acryl fentanyl: the reference records China's 2017 listing and no US date (its row leaves it
    // empty).
    Scheduling.Controls acryl = SCHEDULING.of("acryl fentanyl");
    assertThat(acryl.us()).isNull();
    assertThat(acryl.china().date().date()).isEqualTo(LocalDate.of(2017, 3, 1));
  }

  @Test
  void precursorControlAndUnlistedSubstance() {
    // 4-ANPP: Schedule II immediate precursor, 2010-08-30.
    assertThat(SCHEDULING.of("4-ANPP").us().control()).isEqualTo(Control.US_PRECURSOR);
    assertThat(SCHEDULING.of("4-ANPP").us().date().date()).isEqualTo(LocalDate.of(2010, 8, 30));
    // fluorofentanyl (position unknown) is not para-fluorofentanyl's row or any other: no match is
    // guessed.
    Scheduling.Controls none = SCHEDULING.of("fluorofentanyl");
    assertThat(none.listed()).isFalse();
    assertThat(none.us()).isNull();
    assertThat(none.china()).isNull();
  }
}
