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
    // isobutyryl fentanyl: its own temporary order (83 FR 4580, 2018-02-01) and no row-level
    // class-wide date: nothing is inherited from the class row, and no Chinese date either.
    Scheduling.Controls ibf = SCHEDULING.of("isobutyryl fentanyl");
    assertThat(ibf.us().control()).isEqualTo(Control.US_TEMPORARY);
    assertThat(ibf.us().date().date()).isEqualTo(LocalDate.of(2018, 2, 1));
    assertThat(ibf.china()).isNull();
  }

  @Test
  void metaFluorofentanylIsUnderTheClassOrderByTheProposalOfItsOwnDocket() {
    // 88 FR 85104 (effective 2023-12-07) names meta-fluorofentanyl among nine substances; the
    // proposal of the same docket, 88 FR 22391, says the nine fall within the 2018-02-06 class
    // order's definition. The earliest US measure is therefore the class order, and the row keeps
    // the permanent placement as a later date. China's class-wide order names no substance, so no
    // Chinese date is on the row.
    Scheduling.Controls mff = SCHEDULING.of("meta-fluorofentanyl");
    assertThat(mff.us().control()).isEqualTo(Control.US_CLASS_WIDE);
    assertThat(mff.us().date().date()).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(mff.us().date().source()).contains("88 FR 85104").contains("88 FR 22391");
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
