package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.fentrace.core.SubstanceClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Substituents written as abbreviations in front of a listed name ("2-CL-4-ANPP", "PE-TM-4-AP"):
 * the text names a substituted compound, never the listed parent it ends with; and ring positions
 * written as a number or as ortho/meta/para name one precursor where the dictionary lists it.
 * Expected names and classes come from the chemistry of each name: an abbreviation before "4-ANPP"
 * or "4-AP" puts a group on that precursor, which keeps it a precursor (no acyl on the aniline
 * nitrogen) but makes it another one. A halogen symbol (F, Cl, Br) means the same as its
 * written-out name ("4F" is "4-fluoro"), so the listed compound that name spells is the expected
 * one.
 */
class SubstituentAbbreviationTest {

  private static final SubstanceDictionary DICT = SubstanceDictionary.loadDefault();

  @ParameterizedTest(name = "{0} is the unlisted precursor {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # Phenethyl and tetramethyl on 4-AP: NFLIS's short form of N-Phenethyl Tetramethyl-4-AP.
      PE-TM-4-AP       | pe-tm-4-ap
      # The same substituent token standing apart from the name it changes.
      PE-TM 4-AP       | pe-tm-4-ap
      # A fluorine given as a locant glued to the element symbol, on 4-AP: the symbol is written
      # out, so the unlisted name reads as a name spelled in full would.
      2F-4-AP          | 2-fluoro-4-ap
      2-fluoro 4-AP    | 2-fluoro-4-ap
      # p- is spelled out as para-, F as fluoro.
      p-F 4-AP         | para-fluoro-4-ap
      # A primed locant (the aniline ring) before the symbol: no entry says which ring it means.
      4'F-4-ANPP       | 4'-fluoro-4-anpp
      # An alkyl abbreviation stays as written (its ring position would be a guess); a halogen
      # without a locant is written out.
      Me-4-ANPP        | me-4-anpp
      Br-4-AP          | bromo-4-ap
      """)
  void anAbbreviatedSubstituentMakesAnotherPrecursor(String raw, String name) {
    SubstanceMatch m = DICT.match(raw);
    assertThat(m.name()).as(raw).isEqualTo(name);
    assertThat(m.substanceClass()).as(raw).isEqualTo(SubstanceClass.FENTANYL_PRECURSOR);
    assertThat(m.unlisted()).as(raw).isTrue();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # A halogen symbol with a number before fentanyl is the ring-substituted analogue the
      # dictionary lists under the spelled name: 4-fluorofentanyl is para-fluorofentanyl (the
      # anilide ring's position 4), 2- ortho and 3- meta.
      4F-fentanyl      | para-fluorofentanyl
      2F-fentanyl      | ortho-fluorofentanyl
      3F-fentanyl      | meta-fluorofentanyl
      2-F-fentanyl     | ortho-fluorofentanyl
      p-Cl-fentanyl    | para-chlorofentanyl
      4F-isobutyryl fentanyl | para-fluoroisobutyryl fentanyl
      # No position: the entry for the name without one, as NFLIS reports "Chlorofentanyl".
      Cl-fentanyl      | chlorofentanyl
      """)
  void anAbbreviatedHalogenOnFentanylIsTheSpelledAnalog(String raw, String name) {
    SubstanceMatch m = DICT.match(raw);
    assertThat(m.name()).as(raw).isEqualTo(name);
    assertThat(m.substanceClass()).as(raw).isEqualTo(SubstanceClass.FENTANYL_ANALOG);
    assertThat(m.unlisted()).as(raw).isFalse();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # NFLIS's base names of one substance: ortho is ring position 2, as for ortho-fluoro 4-ANPP.
      2-Chloro 4-ANPP                           | ortho-chloro 4-ANPP
      ortho-Chloro 4-ANPP                       | ortho-chloro 4-ANPP
      "ORTHO-CHLORO 4-ANPP, SALT UNDETERMINED"  | ortho-chloro 4-ANPP
      o-chloro 4-ANPP                           | ortho-chloro 4-ANPP
      # NFLIS's substance name for the base "2-Chloro 4-ANPP": a substituted 4-ANPP, never 4-ANPP.
      2-CL-4-ANPP                               | ortho-chloro 4-ANPP
      despropionyl ortho-chlorofentanyl         | ortho-chloro 4-ANPP
      N-(2-chlorophenyl)-1-(2-phenylethyl)piperidin-4-amine | ortho-chloro 4-ANPP
      # The fluoro pair, for comparison.
      2F-4-ANPP                                 | ortho-fluoro 4-ANPP
      2-Fluoro 4-ANPP                           | ortho-fluoro 4-ANPP
      ortho-Fluoro 4-ANPP                       | ortho-fluoro 4-ANPP
      # The para isomer stays apart.
      4-chloro 4-ANPP                           | para-chloro 4-ANPP
      # A halogen symbol written out finds the listed precursor: p-F is para-fluoro, 3-CL meta-chloro.
      p-F-4-ANPP                                | para-fluoro 4-ANPP
      3-CL-4-ANPP                               | meta-chloro 4-ANPP
      3-chloro 4-ANPP                           | meta-chloro 4-ANPP
      # No position given (NFLIS "Chloro 4-ANPP"): neither isomer, as fluoro-ANPP is neither.
      Chloro 4-ANPP                             | chloro-ANPP
      chloro ANPP                               | chloro-ANPP
      bromo ANPP                                | bromo-ANPP
      """)
  void ringPositionsNameOneListedPrecursor(String raw, String name) {
    SubstanceMatch m = DICT.match(raw);
    assertThat(m.name()).as(raw).isEqualTo(name);
    assertThat(m.substanceClass()).as(raw).isEqualTo(SubstanceClass.FENTANYL_PRECURSOR);
    assertThat(m.unlisted()).as(raw).isFalse();
  }

  @ParameterizedTest(name = "{0} is still {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # The parents themselves, alone, with a salt note or in free text.
      4-ANPP                     | 4-ANPP     | FENTANYL_PRECURSOR
      ANPP                       | 4-ANPP     | FENTANYL_PRECURSOR
      "4-ANPP, salt undetermined" | 4-ANPP    | FENTANYL_PRECURSOR
      4-AP                       | 4-AP       | FENTANYL_PRECURSOR
      4-anilinopiperidine        | 4-AP       | FENTANYL_PRECURSOR
      drum of 4-AP, 25 kg        | 4-AP       | FENTANYL_PRECURSOR
      heroin/4-ANPP              | 4-ANPP     | FENTANYL_PRECURSOR
      # A hyphen to an ordinary word after the name changes nothing.
      4-ANPP-laced powder        | 4-ANPP     | FENTANYL_PRECURSOR
      # A lone letter in free text is no substituent.
      blue F fentanyl            | fentanyl   | FENTANYL
      # Abbreviations that end a name ("Fu-F" = furanyl fentanyl) are that name's synonyms.
      Fu-F                       | furanyl fentanyl | FENTANYL_ANALOG
      """)
  void plainParentsStillMatch(String raw, String name, SubstanceClass cls) {
    SubstanceMatch m = DICT.match(raw);
    assertThat(m.name()).as(raw).isEqualTo(name);
    assertThat(m.substanceClass()).as(raw).isEqualTo(cls);
    assertThat(m.unlisted()).as(raw).isFalse();
  }
}
