package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.fentrace.core.SubstanceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The structure reader on its own: which spellings are one compound, which are different compounds,
 * and the class of an unlisted core. Pairs are chosen from nomenclature: each pair names the same
 * atoms in two conventions (IUPAC, CAS index, DEA style, older anilide style), or differs in one
 * atom or position.
 */
class ChemicalNamesTest {

  private static String signature(String name) {
    ChemicalNames.Skeleton s = ChemicalNames.read(name);
    assertThat(s).as("core of %s", name).isNotNull();
    return s.signature();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|Propanamide, N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl]-",
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|N-(1-phenethyl-4-piperidyl)propionanilide",
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|N-(1-phenethylpiperidin-4-yl)-N-phenylpropionamide",
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|(±)-N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide",
        "N-(4-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)isobutyramide|N-(4-fluorophenyl)-2-methyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide",
        "N-(4-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide|N-(p-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide",
        "N-(1-phenethylpiperidin-4-yl)-N-phenylacrylamide|N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]prop-2-enamide",
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]furan-2-carboxamide|2-Furancarboxamide, N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl]-",
        "methyl 4-[phenyl(propanoyl)amino]-1-(2-phenylethyl)piperidine-4-carboxylate|methyl 1-(2-phenylethyl)-4-(N-propanoylanilino)piperidine-4-carboxylate",
        "methyl 4-[phenyl(propanoyl)amino]-1-(2-phenylethyl)piperidine-4-carboxylate|methyl 1-phenethyl-4-(N-phenylpropionamido)piperidine-4-carboxylate",
        "methyl 4-[phenyl(propanoyl)amino]-1-(2-phenylethyl)piperidine-4-carboxylate|4-Piperidinecarboxylic acid, 4-[(1-oxopropyl)phenylamino]-1-(2-phenylethyl)-, methyl ester",
        "N-phenyl-1-(2-phenylethyl)piperidin-4-amine|4-anilino-N-phenethylpiperidine",
        "N-phenyl-1-(2-phenylethyl)piperidin-4-amine|N-(1-phenethylpiperidin-4-yl)aniline",
        "tert-butyl 4-anilinopiperidine-1-carboxylate|1-boc-4-anilinopiperidine"
      })
  void oneCompoundWrittenTwoWaysHasOneSignature(String a, String b) {
    assertThat(signature(b)).isEqualTo(signature(a));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // methyl on the piperidine ring (3-methylfentanyl) against none
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|N-[3-methyl-1-(2-phenylethyl)piperidin-4-yl]-N-phenylpropanamide",
        // fluorine ortho against para on the anilide ring
        "N-(2-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide|N-(4-fluorophenyl)-N-(1-phenethylpiperidin-4-yl)propionamide",
        // furan-2- against furan-3-carbonyl
        "N-(1-phenethylpiperidin-4-yl)-N-phenylfuran-2-carboxamide|N-(1-phenethylpiperidin-4-yl)-N-phenylfuran-3-carboxamide",
        // butanoyl against 2-methylpropanoyl (butyryl and isobutyryl fentanyl)
        "N-(1-phenethylpiperidin-4-yl)-N-phenylbutyramide|N-(1-phenethylpiperidin-4-yl)-N-phenylisobutyramide",
        // benzyl against phenethyl on the ring nitrogen
        "N-(1-benzylpiperidin-4-yl)-N-phenylpropionamide|N-(1-phenethylpiperidin-4-yl)-N-phenylpropionamide",
        // the acid of carfentanil against its methyl ester
        "methyl 4-[phenyl(propanoyl)amino]-1-(2-phenylethyl)piperidine-4-carboxylate|ethyl 4-[phenyl(propanoyl)amino]-1-(2-phenylethyl)piperidine-4-carboxylate",
        // fentanyl against its precursor 4-ANPP (no acyl group)
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide|N-phenyl-1-(2-phenylethyl)piperidin-4-amine"
      })
  void differentCompoundsHaveDifferentSignatures(String a, String b) {
    assertThat(signature(b)).isNotEqualTo(signature(a));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a carbon substituent on the ring nitrogen and an acyl group: an analogue
        "N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]hexanamide|FENTANYL_ANALOG",
        "N-(1-benzylpiperidin-4-yl)-N-phenylbutanamide|FENTANYL_ANALOG",
        // nothing on the ring nitrogen (a nor-compound) or a Boc guard on it: precursor
        "N-phenyl-N-(piperidin-4-yl)butanamide|FENTANYL_PRECURSOR",
        "tert-butyl 4-[phenyl(butanoyl)amino]piperidine-1-carboxylate|FENTANYL_PRECURSOR",
        // no acyl group: the 4-AP / 4-ANPP core is a precursor even with a phenethyl group
        "N-(4-chlorophenyl)-1-(2-phenylethyl)piperidin-4-amine|FENTANYL_PRECURSOR"
      })
  void unlistedClassFollowsTheRingNitrogenAndTheAcylGroup(String name, SubstanceClass cls) {
    assertThat(ChemicalNames.read(name).unlistedClass()).isEqualTo(cls);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fentanyl",
        "heroin and fentanyl",
        "piperidine",
        "4-piperidone",
        "1-(2-phenylethyl)piperidin-4-one",
        "N-phenylpropanamide",
        "suspected fentanyl powder, piperidine smell",
        "unknown powder N-phenyl piperidine"
      })
  void namesWithoutTheCoreAreNotRead(String text) {
    assertThat(ChemicalNames.read(text)).isNull();
  }

  @Test
  void theBundledDictionaryGivesNoStructureToTwoEntries() {
    assertThat(SubstanceDictionary.loadDefault().structureAmbiguities()).isEmpty();
  }
}
