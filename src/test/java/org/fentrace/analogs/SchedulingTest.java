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
    // acryl fentanyl: its own temporary order (82 FR 32453, published and in force 2017-07-14) is
    // earlier than its permanent placement (83 FR 61320, effective 2018-11-29); China 2017-03-01.
    Scheduling.Controls acryl = SCHEDULING.of("acryl fentanyl");
    assertThat(acryl.us().control()).isEqualTo(Control.US_TEMPORARY);
    assertThat(acryl.us().date().date()).isEqualTo(LocalDate.of(2017, 7, 14));
    assertThat(acryl.china().date().date()).isEqualTo(LocalDate.of(2017, 3, 1));
    // meta-fluorofentanyl: placed by name on 2023-12-07 (88 FR 85104). The rule read does not say
    // which temporary order covered it before, so its row has no class-wide date and none is
    // inherited from the class row: the earliest US date is the permanent one.
    Scheduling.Controls mff = SCHEDULING.of("meta-fluorofentanyl");
    assertThat(mff.us().control()).isEqualTo(Control.US_PERMANENT);
    assertThat(mff.us().date().date()).isEqualTo(LocalDate.of(2023, 12, 7));
    assertThat(mff.china()).isNull();
  }

  @Test
  void anAnalogueANamedSourcePutsUnderTheClassOrderIsControlledFromTheOrdersDate() {
    // 86 FR 22113 (effective 2021-04-27) names 2'-fluoro ortho-fluorofentanyl and says it falls
    // within the 2018-02-06 class order's definition: the earliest US measure is the class order.
    Scheduling.Controls c = SCHEDULING.of("2'-fluoro ortho-fluorofentanyl");
    assertThat(c.us().control()).isEqualTo(Control.US_CLASS_WIDE);
    assertThat(c.us().date().date()).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(c.us().date().source()).contains("83 FR 5188").contains("86 FR 22113");
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
