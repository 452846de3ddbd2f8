package org.fentrace.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.fentrace.core.SubstanceClass;
import org.fentrace.normalize.SubstanceDictionary;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

  private static final SubstanceDictionary DICTIONARY = SubstanceDictionary.loadDefault();

  private static final String HEADER =
      "substance,kind,us_temporary_date,us_temporary_source,us_permanent_date,"
          + "us_permanent_source,us_class_wide_date,us_class_wide_source,us_precursor_date,us_precursor_source,"
          + "china_date,china_source,china_class_wide_date,china_class_wide_source,un_date,un_source,mexico_date,"
          + "mexico_source,notes\n";

  private static ControlDate control(String substance, Control c) {
    SchedulingEntry e = SchedulingReference.loadDefault().forSubstance(substance).orElseThrow();
    return e.control(c).orElseThrow(() -> new AssertionError(substance + " has no " + c));
  }

  // Each expected date below was read from the DATES section (Federal Register) or the
  // effective-date
  // sentence (China) of the document the bundled file cites, not from the file itself.

  @Test
  void usClassWideTemporaryOrderTookEffectOnSixFebruary2018() {
    // 83 FR 5188, FR Doc. 2018-02319, published and effective Tuesday 6 February 2018.
    ControlDate d = control("fentanyl-related substance", Control.US_CLASS_WIDE);
    assertThat(d.date()).isEqualTo(LocalDate.of(2018, 2, 6));
    assertThat(d.source()).contains("83 FR 5188");
  }

  @Test
  void chinaClassWideControlTookEffectOnFirstMay2019() {
    // Announced 1 April 2019 by MPS, NHC and NMPA, "effective 1 May 2019".
    ControlDate d = control("fentanyl-related substance", Control.CHINA_CLASS_WIDE);
    assertThat(d.date()).isEqualTo(LocalDate.of(2019, 5, 1));
    assertThat(d.source()).contains("MPS");
  }

  @Test
  void individualTemporaryOrdersAndPrecursorRules() {
    // 82 FR 49504: "This temporary scheduling order is effective October 26, 2017, until October
    // 28, 2019."
    assertThat(control("ortho-fluorofentanyl", Control.US_TEMPORARY))
        .isEqualTo(control("methoxyacetyl fentanyl", Control.US_TEMPORARY));
    assertThat(control("ortho-fluorofentanyl", Control.US_TEMPORARY).date())
        .isEqualTo(LocalDate.of(2017, 10, 26));
    // 81 FR 29492: "This final order is effective on May 12, 2016."
    assertThat(control("butyryl fentanyl", Control.US_TEMPORARY).date())
        .isEqualTo(LocalDate.of(2016, 5, 12));
    // 75 FR 37295 (ANPP in Schedule II): "This rulemaking becomes effective August 30, 2010."
    ControlDate anpp = control("4-ANPP", Control.US_PRECURSOR);
    assertThat(anpp.date()).isEqualTo(LocalDate.of(2010, 8, 30));
    assertThat(anpp.source()).contains("75 FR 37295");
    // 85 FR 21320 (norfentanyl in Schedule II): "This rulemaking becomes effective May 18, 2020."
    assertThat(control("norfentanyl", Control.US_PRECURSOR).date())
        .isEqualTo(LocalDate.of(2020, 5, 18));
    // 85 FR 20822 (4-AP in List I): "This rulemaking will become effective on May 15, 2020."
    assertThat(control("4-AP", Control.US_PRECURSOR).date()).isEqualTo(LocalDate.of(2020, 5, 15));
  }

  @Test
  void permanentPlacementsAndUnDecisions() {
    // 83 FR 61320 (FR Doc. 2018-26045), DATES: "Effective November 29, 2018", one rule for five
    // substances that had temporary orders of their own.
    for (String s :
        new String[] {
          "furanyl fentanyl",
          "para-fluoroisobutyryl fentanyl",
          "acryl fentanyl",
          "tetrahydrofuranyl fentanyl",
          "ocfentanil"
        }) {
      ControlDate d = control(s, Control.US_PERMANENT);
      assertThat(d.date()).as(s).isEqualTo(LocalDate.of(2018, 11, 29));
      assertThat(d.source()).as(s).startsWith("83 FR 61320");
    }
    // 88 FR 85104 (FR Doc. 2023-26694), DATES: "Effective date: December 7, 2023".
    assertThat(control("meta-fluoroisobutyryl fentanyl", Control.US_PERMANENT).date())
        .isEqualTo(LocalDate.of(2023, 12, 7));
    // 86 FR 22113 (FR Doc. 2021-08720), DATES: "Effective date: April 27, 2021"; its summary says
    // the ten substances fall within the definition of the 2018-02-06 order.
    assertThat(control("2'-fluoro ortho-fluorofentanyl", Control.US_PERMANENT).date())
        .isEqualTo(LocalDate.of(2021, 4, 27));
    assertThat(control("2'-fluoro ortho-fluorofentanyl", Control.US_CLASS_WIDE))
        .extracting(ControlDate::date)
        .isEqualTo(control("fentanyl-related substance", Control.US_CLASS_WIDE).date());
    // The other substances of 86 FR 22113 read in its list: permanent 2021-04-27, and by class from
    // the order's day, because the rule says all 10 fall within the class definition.
    for (String s :
        new String[] {
          "beta-methylfentanyl",
          "ortho-fluorobutyryl fentanyl",
          "ortho-methyl acetylfentanyl",
          "ortho-methyl methoxyacetyl fentanyl",
          "para-methylfentanyl",
          "phenyl fentanyl"
        }) {
      assertThat(control(s, Control.US_PERMANENT).date())
          .as(s)
          .isEqualTo(LocalDate.of(2021, 4, 27));
      assertThat(control(s, Control.US_PERMANENT).source()).as(s).startsWith("86 FR 22113");
      assertThat(control(s, Control.US_CLASS_WIDE).date())
          .as(s)
          .isEqualTo(LocalDate.of(2018, 2, 6));
      assertThat(control(s, Control.US_CLASS_WIDE).source()).as(s).contains("86 FR 22113");
    }
    // INCB precursors report for 2017, paragraph 8: CND decision of 16 March 2017 on NPP and ANPP,
    // "became effective on 18 October 2017, 180 days after it was communicated".
    assertThat(control("NPP", Control.UN)).isEqualTo(control("4-ANPP", Control.UN));
    assertThat(control("NPP", Control.UN).date()).isEqualTo(LocalDate.of(2017, 10, 18));
  }

  @Test
  void rowsResolveThroughTheSubstanceDictionary() {
    SchedulingReference ref = SchedulingReference.loadDefault();
    // A lab abbreviation finds the row through the dictionary's canonical name (82 FR 20544,
    // published
    // 3 May 2017, the day a temporary order takes effect).
    String name = DICTIONARY.match("4-FIBF").name();
    SchedulingEntry fibf = ref.forSubstance(name).orElseThrow();
    assertThat(fibf.substanceClass()).isEqualTo(SubstanceClass.FENTANYL_ANALOG);
    assertThat(fibf.control(Control.US_TEMPORARY).orElseThrow().date())
        .isEqualTo(LocalDate.of(2017, 5, 3));
    // A precursor whose US and Chinese dates could not be read from a primary source has none of
    // them: empty, not guessed, and the notes say what is known.
    SchedulingEntry npp = ref.forSubstance("NPP").orElseThrow();
    assertThat(npp.kind()).isEqualTo(SchedulingEntry.Kind.PRECURSOR);
    assertThat(npp.controls()).containsOnlyKeys(Control.UN);
    assertThat(npp.notes()).contains("China").contains("not read");
    assertThat(ref.entries())
        .allSatisfy(e -> assertThat(e.substanceClass().name()).startsWith("FENTANYL"));
  }

  private static SchedulingReference load(String rows) {
    return SchedulingReference.load(
        new StringReader("# a comment line, counted\n" + HEADER + rows), "t.csv", DICTIONARY);
  }

  @Test
  void aValidSmallFileLoadsWithCanonicalNames() {
    SchedulingReference ref = load("acetylfentanyl,ANALOG,2015-07-17,80 FR 42381,,,,,,,,,,,,,,,\n");
    SchedulingEntry e = ref.entries().get(0);
    assertThat(e.substance()).isEqualTo("acetyl fentanyl");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.controls()).containsOnlyKeys(Control.US_TEMPORARY);
  }

  @Test
  void aDateWithoutASourceFailsWithFileAndLine() {
    assertThatThrownBy(
            () ->
                load(
                    "acetyl fentanyl,ANALOG,,,,,,,,,,,,,,,,,\n"
                        + "butyryl fentanyl,ANALOG,2016-05-12,,,,,,,,,,,,,,,,\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "t.csv line 4: us_temporary_date 2016-05-12 has no us_temporary_source");
  }

  @Test
  void aSourceWithoutADateFails() {
    assertThatThrownBy(() -> load("norfentanyl,PRECURSOR,,,,,,,,,,,,,,,,DOF 2024,\n"))
        .hasMessageStartingWith("t.csv line 3: mexico_source is given but mexico_date is empty");
  }

  @Test
  void aDayThatDoesNotExistFails() {
    assertThatThrownBy(() -> load("norfentanyl,PRECURSOR,,,,,,,2020-02-30,85 FR 21320,,,,,,,,,\n"))
        .hasMessageStartingWith(
            "t.csv line 3: us_precursor_date '2020-02-30' is not a real yyyy-MM-dd day");
    assertThatThrownBy(() -> load("norfentanyl,PRECURSOR,,,,,,,18/05/2020,85 FR 21320,,,,,,,,,\n"))
        .hasMessageContaining("'18/05/2020' is not a real yyyy-MM-dd day");
  }

  @Test
  void substancesOutsideTheDictionaryOrTheFentanylFamilyFail() {
    assertThatThrownBy(() -> load("heroin,ANALOG,,,,,,,,,,,,,,,,,\n"))
        .hasMessageStartingWith("t.csv line 3: substance 'heroin' is not a listed fentanyl")
        .hasMessageContaining("OTHER_DRUG");
    // Recognised by its form, but not in the dictionary: a reference row must name a curated entry.
    assertThatThrownBy(() -> load("zorbfentanyl,ANALOG,,,,,,,,,,,,,,,,,\n"))
        .hasMessageContaining("unlisted");
  }

  @Test
  void twoRowsForOneSubstanceFail() {
    assertThatThrownBy(
            () ->
                load(
                    "acetyl fentanyl,ANALOG,,,,,,,,,,,,,,,,,\n"
                        + "acetylfentanyl,ANALOG,,,,,,,,,,,,,,,,,\n"))
        .hasMessageStartingWith(
            "t.csv line 4: 'acetylfentanyl' is the dictionary's 'acetyl fentanyl',"
                + " already given on line 3");
  }

  private static final String CLASS_ROW =
      "fentanyl-related substance,CLASS,,,,,2018-02-06,83 FR 5188,,,,,,,,,,,\n";

  @Test
  void aClassWideDateOnAnAnaloguesRowMustBeTheClassOrdersDate() {
    // The same day as the class row: accepted.
    SchedulingReference ok =
        load(
            CLASS_ROW
                + "crotonyl fentanyl,ANALOG,,,,,2018-02-06,83 FR 5188; a rule naming it,,,,,,,,,,,\n");
    assertThat(ok.forSubstance("crotonyl fentanyl").orElseThrow().controls())
        .containsOnlyKeys(Control.US_CLASS_WIDE);
    // Another day: the order has one date, so the row contradicts the class row.
    assertThatThrownBy(
            () ->
                load(
                    CLASS_ROW + "crotonyl fentanyl,ANALOG,,,,,2021-04-27,86 FR 22113,,,,,,,,,,,\n"))
        .hasMessageStartingWith(
            "t.csv line 4: us_class_wide_date 2021-04-27 differs from the class order's 2018-02-06"
                + " (line 3)");
    // No class row dating the order at all.
    assertThatThrownBy(() -> load("crotonyl fentanyl,ANALOG,,,,,,,,,,,2019-05-01,MPS 2019,,,,,\n"))
        .hasMessageStartingWith(
            "t.csv line 3: china_class_wide_date 2019-05-01 names a class-wide order the file does"
                + " not date");
  }

  @Test
  void aMissingColumnOrBadKindFails() {
    assertThatThrownBy(
            () ->
                SchedulingReference.load(
                    new StringReader("substance,kind,notes\nNPP,PRECURSOR,\n"),
                    "t.csv",
                    DICTIONARY))
        .hasMessageStartingWith("t.csv line 1: the header lacks the column 'us_temporary_date'");
    assertThatThrownBy(() -> load("NPP,CHEMICAL,,,,,,,,,,,,,,,,,\n"))
        .hasMessageStartingWith("t.csv line 3: kind 'CHEMICAL' is not one of");
  }
}
