package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.fentrace.core.GoodsClass;
import org.fentrace.core.SubstanceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Goods classes of customs lines: HS subheadings, descriptions, inspection results. Pure Java. */
class GoodsClassifierTest {
  static final GoodsClassifier GOODS = new GoodsClassifier(SubstanceDictionary.loadDefault());

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The fentanyl and precursor subheadings decide alone (2933.36 is 4-ANPP, 2933.37 is NPP).
        "293336|industrial chemical|FENTANYL_PRECURSOR",
        "2933370000|chemical intermediate|FENTANYL_PRECURSOR",
        "293333|pharmaceutical raw material|FENTANYL_PRECURSOR",
        "293492|research chemical|FENTANYL_PRECURSOR",
        // The broad 2933.39 / 2921 / 2922 lines need a description naming a precursor.
        "293339|N-phenethyl-4-piperidone|FENTANYL_PRECURSOR",
        "293339|pyridine derivative|OTHER",
        "292149|4-ANPP|FENTANYL_PRECURSOR",
        "292249|amino acid salt|OTHER",
        // Described precursors count whatever the code.
        "|tert-butyl 4-(phenylamino)piperidine-1-carboxylate|FENTANYL_PRECURSOR",
        // A registry number on the declaration names the precursor (39742-60-4 is NPP, 79-03-8
        // propionyl
        // chloride); a number that is no listed substance (64-17-5, ethanol) says nothing.
        "293339|organic intermediate CAS 39742-60-4|FENTANYL_PRECURSOR",
        "291590|acid chloride, CAS No. 79-03-8, 25 kg drums|FENTANYL_PRECURSOR",
        "220710|solvent CAS 64-17-5|OTHER",
        // A precursor declared by a systematic name the dictionary does not spell out:
        // Boc-protected
        // para-fluoro 4-AP is still a 4-anilinopiperidine.
        "293339|tert-butyl 4-(4-fluoroanilino)piperidine-1-carboxylate|FENTANYL_PRECURSOR",
        // A 4-phenylpiperidine is no fentanyl chemical (pethidine's ester).
        "293339|ethyl 1-methyl-4-phenylpiperidine-4-carboxylate|OTHER",
        // Presses, dies and punches.
        "847989|TDP-5 tablet press|PILL_PRESS",
        "|rotary press|PILL_PRESS",
        "|punch die set|PILL_PRESS",
        "847930|Pill press parts|PILL_PRESS",
        "847989|press die|PILL_PRESS",
        "847989|industrial mixer|OTHER",
        "|LED lights|OTHER",
        "392690|phone cases|OTHER"
      })
  void classifiesByCodeAndDescription(String hs, String description, String expected) {
    assertThat(GOODS.classify(hs, description, null).wireName()).isEqualTo(expected);
  }

  @Test
  void aDrugFoundAtInspectionWins() {
    assertThat(GOODS.classify("847989", "TDP-5 tablet press", SubstanceClass.FENTANYL))
        .isEqualTo(GoodsClass.SEIZED_DRUG);
    assertThat(GOODS.classify(null, "cosmetics", SubstanceClass.OTHER_DRUG))
        .isEqualTo(GoodsClass.SEIZED_DRUG);
  }
}
