package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fentrace.core.SubstanceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected names and classes below are written from chemistry and from the sources named in
 * substances.csv, not copied from the matcher's output: each row says what a careful analyst would
 * record for that text.
 */
class SubstanceDictionaryTest {

  private static final SubstanceDictionary DICT = SubstanceDictionary.loadDefault();

  private static void assertMatch(String raw, String name, SubstanceClass cls, boolean unlisted) {
    assertThat(DICT.match(raw))
        .as("match(%s)", raw)
        .isEqualTo(new SubstanceMatch(name, cls, unlisted));
  }

  @ParameterizedTest(name = "CBP Drug Type {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      Cocaine              | cocaine         | OTHER_DRUG
      Ecstasy              | ecstasy         | OTHER_DRUG
      Fentanyl             | fentanyl        | FENTANYL
      Heroin               | heroin          | OTHER_DRUG
      Ketamine             | ketamine        | OTHER_DRUG
      Khat (Catha Edulis)  | khat            | OTHER_DRUG
      Lsd                  | LSD             | OTHER_DRUG
      Marijuana            | marijuana       | OTHER_DRUG
      Methamphetamine      | methamphetamine | OTHER_DRUG
      # CBP's catch-all says something was seized, not what: never a drug class.
      Other Drugs**        | Other drugs     | UNKNOWN
      """)
  void everyCbpDrugTypeMaps(String raw, String name, SubstanceClass cls) {
    assertMatch(raw, name, cls, false);
  }

  @ParameterizedTest(name = "fentanyl salt/spelling {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      Fentanyl HCl
      FENTANYL HYDROCHLORIDE
      fentanyl citrate
      "Fentanyl, salt undetermined"
      "FENTANYL, SALT UNDETERMINED"
      fentanyl base
      Fentanyl (isomer undetermined)
      fentanil
      # Spanish, with and without the Spanish salt name; French.
      Fentanilo
      fentanilo clorhidrato
      FENTANILO
      fentanyle
      N-phenyl-N-[1-(2-phenylethyl)piperidin-4-yl]propanamide
      N-(1-phenethylpiperidin-4-yl)-N-phenylpropionamide
      """)
  void fentanylAndItsSaltsAreFentanyl(String raw) {
    assertMatch(raw, "fentanyl", SubstanceClass.FENTANYL, false);
  }

  @ParameterizedTest(name = "analogue {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # Lab-report abbreviations.
      4-FIBF                       | para-fluoroisobutyryl fentanyl | 4-fluoroisobutyryl = para-F on the anilide ring
      p-FIBF                       | para-fluoroisobutyryl fentanyl | p- is para-
      pFIBF                        | para-fluoroisobutyryl fentanyl |
      pFBF                         | para-fluorobutyryl fentanyl    |
      4-FBF                        | para-fluorobutyryl fentanyl    |
      # o-/m- and 2-/3- give the fluorine's place on the anilide ring, as for 4-FIBF; NFLIS reports
      # "O-FIBF (ORTHO-FLUOROISOBUTYRYL FENTANYL; 2-FLUOROISOBUTYRYL FENTANYL; ...)".
      o-FIBF                       | ortho-fluoroisobutyryl fentanyl | the bare abbreviation NFLIS puts first
      O-FIBF HCl                   | ortho-fluoroisobutyryl fentanyl | case and salt do not matter
      2-FIBF                       | ortho-fluoroisobutyryl fentanyl |
      2-fluoroisobutyryl fentanyl  | ortho-fluoroisobutyryl fentanyl | NFLIS's numbered synonym
      o-FBF                        | ortho-fluorobutyryl fentanyl   |
      2-fluorobutyryl fentanyl     | ortho-fluorobutyryl fentanyl   | NFLIS's numbered synonym
      m-FBF                        | meta-fluorobutyryl fentanyl    | NFLIS: "(M-FLUOROBUTYRYL FENTANYL; M-FBF)"
      m-FIBF                       | meta-fluoroisobutyryl fentanyl |
      3-fluoroisobutyryl fentanyl  | meta-fluoroisobutyryl fentanyl | NFLIS substance name of that base
      m-FF                         | meta-fluorofentanyl            |
      FU-F                         | furanyl fentanyl               |
      THF-F                        | tetrahydrofuranyl fentanyl     |
      2-FF                         | ortho-fluorofentanyl           | 2-fluorofentanyl is the ortho isomer
      o-FF                         | ortho-fluorofentanyl           |
      pFF                          | para-fluorofentanyl            |
      4-FF                         | para-fluorofentanyl            |
      TMCPF                        | tetramethylcyclopropyl fentanyl|
      3-MF                         | 3-methylfentanyl               |
      A-3217                       | ocfentanil                     | Anaquest code of ocfentanil
      # Spellings and synonyms.
      acryl fentanyl               | acryl fentanyl                 |
      acrylfentanyl                | acryl fentanyl                 |
      Acryloylfentanyl             | acryl fentanyl                 | EMCDDA name
      cyclopropyl fentanyl         | cyclopropyl fentanyl           |
      Cyclopropylfentanyl HCl      | cyclopropyl fentanyl           |
      furanyl fentanyl             | furanyl fentanyl               |
      Furanylfentanyl              | furanyl fentanyl               |
      butyrfentanyl                | butyryl fentanyl               |
      isobutyryl fentanyl          | isobutyryl fentanyl            |
      Carfentanyl                  | carfentanil                    |
      4-carbomethoxyfentanyl       | carfentanil                    | carfentanil's 4-CO2Me group
      sufentanil citrate           | sufentanil                     |
      remifentanil                 | remifentanil                   |
      alfentanil                   | alfentanil                     |
      lofentanil                   | lofentanil                     |
      β-hydroxythiofentanyl        | beta-hydroxythiofentanyl       | Greek letter spelled out
      alpha-methylfentanyl         | alpha-methylfentanyl           |
      beta-hydroxy-3-methylfentanyl| ohmefentanyl                   | ohmefentanyl's systematic short name
      meta-fluorofentanyl          | meta-fluorofentanyl            |
      m-fluorofentanyl             | meta-fluorofentanyl            |
      # 3-methylfentanyl carries its methyl on the piperidine ring: it is NOT meta-methylfentanyl.
      3-methylfentanyl             | 3-methylfentanyl               |
      cis-3-methylfentanyl         | 3-methylfentanyl               |
      4-methylfentanyl             | para-methylfentanyl            | 4-methyl on the anilide ring
      2,2'-difluorofentanyl        | 2'-fluoro ortho-fluorofentanyl | the prime marks the phenethyl ring
      benzoyl fentanyl             | phenyl fentanyl                | N-phenylbenzamide = phenyl fentanyl
      hydrocinnamoyl fentanyl      | beta'-phenyl fentanyl          |
      β'-phenyl fentanyl           | beta'-phenyl fentanyl          |
      # Ocfentanil is methoxyacetyl fentanyl with an ortho-fluoro anilide.
      ortho-fluoro methoxyacetyl fentanyl | ocfentanil              |
      methoxyacetyl fentanyl       | methoxyacetyl fentanyl         |
      para-chloroisobutyryl fentanyl | para-chloroisobutyryl fentanyl |
      4-chloroisobutyrfentanyl     | para-chloroisobutyryl fentanyl | EMCDDA spelling
      acetyl fentanyl HCl          | acetyl fentanyl                |
      N-(1-phenethylpiperidin-4-yl)-N-phenylacetamide | acetyl fentanyl | DEA systematic name
      N-(2-fluorophenyl)-2-methoxy-N-(1-phenethylpiperidin-4-yl)acetamide | ocfentanil |
      fentanyl analog              | fentanyl-related substance     | the class named, not plain fentanyl
      """)
  void analoguesAndTheirAbbreviations(String raw, String name, String why) {
    assertMatch(raw, name, SubstanceClass.FENTANYL_ANALOG, false);
  }

  @ParameterizedTest(name = "precursor {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      NPP                                  | NPP
      N-phenethyl-4-piperidone             | NPP
      4-ANPP                               | 4-ANPP
      ANPP                                 | 4-ANPP
      # Despropionyl fentanyl is 4-ANPP, a precursor, although its name ends in "fentanyl".
      despropionyl fentanyl                | 4-ANPP
      4-AP                                 | 4-AP
      N-phenyl-4-piperidinamine            | 4-AP
      4-anilinopiperidine                  | 4-AP
      1-boc-4-AP                           | 1-boc-4-AP
      tert-butyl 4-(phenylamino)piperidine-1-carboxylate | 1-boc-4-AP
      norfentanyl                          | norfentanyl
      "NORFENTANYL, SALT UNDETERMINED"     | norfentanyl
      # Boc-protected norfentanyl is another substance than norfentanyl (NFLIS reports both).
      N-BOC NORFENTANYL                    | N-boc norfentanyl
      N-Boc-norfentanyl                    | N-boc norfentanyl
      tert-butyl 4-[phenyl(propanoyl)amino]piperidine-1-carboxylate | N-boc norfentanyl
      4-piperidone monohydrate hydrochloride | 4-piperidone
      1-boc-4-piperidone                   | 1-boc-4-piperidone
      N-Boc-4-piperidone                   | 1-boc-4-piperidone
      fluoro-ANPP                          | fluoro-ANPP
      4-fluoro ANPP                        | para-fluoro 4-ANPP
      para-fluoro 4-ANPP                   | para-fluoro 4-ANPP
      despropionyl para-fluorofentanyl     | para-fluoro 4-ANPP
      # NFLIS's substance name for the base "2-Fluoro 4-ANPP"; without the synonym the bare
      # abbreviation was read as 4-ANPP itself.
      2F-4-ANPP                            | ortho-fluoro 4-ANPP
      """)
  void precursors(String raw, String name) {
    assertMatch(raw, name, SubstanceClass.FENTANYL_PRECURSOR, false);
  }

  @ParameterizedTest(name = "other drug {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # Nitazenes are benzimidazole opioids, not fentanyl-related substances.
      isotonitazene                 | isotonitazene
      metonitazene                  | metonitazene
      protonitazene                 | protonitazene
      N-pyrrolidino etonitazene     | N-pyrrolidino etonitazene
      etonitazepyne                 | N-pyrrolidino etonitazene
      # Xylazine is a veterinary sedative used as an adulterant.
      xylazine                      | xylazine
      tranq                         | xylazine
      Heroína                       | heroin
      crack                         | cocaine
      ice                           | methamphetamine
      oxycodone                     | oxycodone
      # A named M30 with no fentanyl named is what the lab said: oxycodone.
      counterfeit M30 oxycodone tablets | oxycodone
      # Several other drugs: the first named.
      cocaine with xylazine         | cocaine
      """)
  void otherDrugsNeverCountAsFentanyl(String raw, String name) {
    assertMatch(raw, name, SubstanceClass.OTHER_DRUG, false);
  }

  @ParameterizedTest(name = "free text {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      M30 blue pills (fentanyl)                        | fentanyl       | FENTANYL
      Fentanyl powder                                  | fentanyl       | FENTANYL
      heroin/fentanyl mixture                          | fentanyl       | FENTANYL
      suspected fentanyl pills                         | fentanyl       | FENTANYL
      counterfeit oxycodone pills containing fentanyl  | fentanyl       | FENTANYL
      fentanyl-laced heroin                            | fentanyl       | FENTANYL
      500 fentanyl pills                               | fentanyl       | FENTANYL
      polvo de fentanilo                               | fentanyl       | FENTANYL
      # An analogue outranks the heroin it is mixed with, wherever it is named.
      carfentanil and heroin                           | carfentanil    | FENTANYL_ANALOG
      heroin and carfentanil                           | carfentanil    | FENTANYL_ANALOG
      # The longer name wins over fentanyl inside it.
      acetyl fentanyl powder                           | acetyl fentanyl| FENTANYL_ANALOG
      fentanyl and 4-ANPP                              | fentanyl       | FENTANYL
      # A precursor outranks other drugs.
      methamphetamine and 4-ANPP                       | 4-ANPP         | FENTANYL_PRECURSOR
      4-ANPP and NPP                                   | 4-ANPP         | FENTANYL_PRECURSOR
      isotonitazene and fentanyl                       | fentanyl       | FENTANYL
      """)
  void freeTextAndMixtures(String raw, String name, SubstanceClass cls) {
    assertMatch(raw, name, cls, false);
  }

  @ParameterizedTest(name = "unlisted {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      # A new analogue, whichever way it is written, gets one name; it is not the listed cyclopropyl
      # fentanyl inside it.
      "ORTHO-METHYLCYCLOPROPYLFENTANYL, SALT UNDETERMINED" | ortho-methylcyclopropylfentanyl | FENTANYL_ANALOG
      ortho-methylcyclopropylfentanyl hydrochloride        | ortho-methylcyclopropylfentanyl | FENTANYL_ANALOG
      o-methyl cyclopropyl fentanyl citrate                | ortho-methylcyclopropylfentanyl | FENTANYL_ANALOG
      heroin and ortho-methylcyclopropylfentanyl           | ortho-methylcyclopropylfentanyl | FENTANYL_ANALOG
      para-fluoro alpha-methyl fentanyl powder             | para-fluoro-alpha-methylfentanyl | FENTANYL_ANALOG
      para-fluoro-alpha-methylfentanyl                     | para-fluoro-alpha-methylfentanyl | FENTANYL_ANALOG
      # Spanish acetil + fentanilo: an analogue the dictionary does not spell that way.
      Acetilfentanilo                                      | acetilfentanyl                  | FENTANYL_ANALOG
      # Nor-compounds lack the phenethyl group: precursors, not analogues.
      N-methyl norfentanyl                                 | n-methylnorfentanyl             | FENTANYL_PRECURSOR
      # Boc (tert-butoxycarbonyl) on the ring nitrogen is part of the name: a Boc-protected nor-compound
      # the dictionary lacks is its own precursor, not the unprotected one it contains.
      N-Boc para-fluoro norfentanyl                        | n-boc-para-fluoronorfentanyl    | FENTANYL_PRECURSOR
      2-bromo 4-ANPP                                       | 2-bromo-4-anpp                  | FENTANYL_PRECURSOR
      """)
  void unlistedNamesThatReadAsAnalogues(String raw, String name, SubstanceClass cls) {
    assertMatch(raw, name, cls, true);
  }

  @ParameterizedTest(name = "nothing matched {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      M30                   | m30
      unknown white powder  | unknown white powder
      Caffeine              | caffeine
      Blue  Pills           | blue pills
      """)
  void nothingMatchedIsUnknownWithTheCleanedText(String raw, String name) {
    assertMatch(raw, name, SubstanceClass.UNKNOWN, false);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "HCl", "**"})
  void blankIsUnknown(String raw) {
    assertMatch(raw, "unknown", SubstanceClass.UNKNOWN, false);
  }

  /** The expected number is counted from the data file itself, not from the matcher. */
  @Test
  void dictionaryHoldsAtLeast150AnaloguesAsCountedInTheDataFile() throws IOException {
    List<String[]> rows = dataRows();
    long analoguesInFile = rows.stream().filter(r -> r[1].equals("FENTANYL_ANALOG")).count();
    assertThat(analoguesInFile).isGreaterThanOrEqualTo(150);
    assertThat(DICT.count(SubstanceClass.FENTANYL_ANALOG)).isEqualTo(analoguesInFile);
    assertThat(DICT.size()).isEqualTo(rows.size());
    assertThat(DICT.count(SubstanceClass.FENTANYL)).isEqualTo(1);
    for (SubstanceClass c : SubstanceClass.values()) {
      assertThat(DICT.count(c)).isEqualTo(rows.stream().filter(r -> r[1].equals(c.name())).count());
    }
  }

  @Test
  void everyCanonicalNameMatchesItself() throws IOException {
    for (String[] row : dataRows()) {
      assertThat(DICT.match(row[0]).name()).as(row[0]).isEqualTo(row[0]);
    }
  }

  @Test
  void defaultIsLoadedOnce() {
    assertThat(SubstanceDictionary.loadDefault()).isSameAs(DICT);
  }

  @Test
  void lookupRowsCoverExactKeys() {
    assertThat(DICT.entriesAsCsvLookupRows())
        .contains(
            "4anpp,4-ANPP,FENTANYL_PRECURSOR",
            "fentanyl,fentanyl,FENTANYL",
            "otherdrugs,Other drugs,UNKNOWN")
        .isSorted();
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(DICT);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      SubstanceDictionary copy = (SubstanceDictionary) in.readObject();
      assertThat(copy.match("pFBF")).isEqualTo(DICT.match("pFBF"));
    }
  }

  @ParameterizedTest(name = "bad line {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
      "butyryl fentanyl,FENTANYL_ANALOGUE,butyrfentanyl"   | unknown substance_class 'FENTANYL_ANALOGUE'
      "butyryl fentanyl,FENTANYL_ANALOG"                   | expected 3 fields
      ",FENTANYL_ANALOG,butyrfentanyl"                     | canonical_name is empty
      "butyryl fentanyl,FENTANYL_ANALOG,""butyrfentanyl"   | a quoted field is not closed
      "butyryl fentanyl,FENTANYL_ANALOG,HCl"               | 'HCl' has no substance words
      # Two entries may not claim one key: acetylfentanyl is line 2's.
      "butyrfentanyl,FENTANYL_ANALOG,acetylfentanyl"       | already belongs to 'acetyl fentanyl' on line 2
      "Acetyl Fentanyl,FENTANYL_ANALOG,"                   | already defined on line 2
      """)
  void badDictionaryLineNamesLineAndProblem(String badLine, String problem) {
    String csv =
        "canonical_name,substance_class,synonyms\n"
            + "acetyl fentanyl,FENTANYL_ANALOG,acetylfentanyl\n"
            + badLine
            + "\n";
    assertThatThrownBy(() -> SubstanceDictionary.load(new StringReader(csv), "test.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.csv line 3: ")
        .hasMessageContaining(problem);
  }

  /**
   * Data rows of the bundled file: [canonical_name, substance_class], comments and header skipped.
   */
  private static List<String[]> dataRows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                SubstanceDictionaryTest.class.getResourceAsStream(
                    SubstanceDictionary.DEFAULT_RESOURCE),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("canonical_name,")) {
          continue;
        }
        String[] parts = line.split(",", 3);
        rows.add(new String[] {parts[0], parts[1]});
      }
    }
    return rows;
  }
}
