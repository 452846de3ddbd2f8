package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled CAS numbers, their check digits and where free text may name them. Pure Java. */
class CasNumbersTest {

  private static final CasNumbers CAS = CasNumbers.loadDefault();
  private static final SubstanceDictionary DICT = SubstanceDictionary.loadDefault();

  /**
   * The check digit recomputed here the way CAS publishes the rule, independently of the loader's
   * loop: digits of the first two parts read left to right, the i-th of n weighted n - i + 1, sum
   * modulo 10. An independent check on typos in the list: a mistyped digit changes the sum.
   */
  private static boolean checkDigitByHand(String number) {
    String[] parts = number.split("-");
    String body = parts[0] + parts[1];
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += Character.getNumericValue(body.charAt(i)) * (body.length() - i);
    }
    return sum % 10 == Integer.parseInt(parts[2]);
  }

  @Test
  void everyBundledNumberHasAValidCheckDigitAndNamesADictionaryEntryOfItsClass() {
    assertThat(CAS.entries()).hasSizeGreaterThanOrEqualTo(20);
    for (CasNumbers.Entry e : CAS.entries()) {
      assertThat(checkDigitByHand(e.number()))
          .as("check digit of %s (%s)", e.number(), e.canonicalName())
          .isTrue();
      SubstanceMatch m = DICT.match(e.canonicalName());
      assertThat(m)
          .as("dictionary entry of %s", e.number())
          .isEqualTo(new SubstanceMatch(e.canonicalName(), e.substanceClass(), false));
      assertThat(e.listedIn()).as("listed_in of %s", e.number()).isNotBlank();
      assertThat(e.checkedAgainst()).as("checked_against of %s", e.number()).isNotBlank();
      // And the number itself, written with hyphens, finds that entry.
      assertThat(DICT.match(e.number())).isEqualTo(m);
    }
  }

  @ParameterizedTest
  @CsvSource({
    // Well-known numbers outside the list, from the CAS rule worked by hand: water 7732-18-5
    // (8*1+1*2+2*3+3*4+7*5+7*6 = 105), ethanol 64-17-5 (7*1+1*2+4*3+6*4 = 45).
    "7732-18-5,true",
    "64-17-5,true",
    "7732-18-4,false",
    "64-17-6,false",
    // Fentanyl with two digits swapped: the weights catch a transposition.
    "437-38-7,true",
    "473-38-7,false"
  })
  void checkDigitRule(String number, boolean valid) {
    assertThat(CasNumbers.checkDigitHolds(number)).isEqualTo(valid);
    assertThat(checkDigitByHand(number)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "437-38-7|437-38-7",
        "fentanyl citrate, CAS 990-73-8|990-73-8",
        "CAS 437387|437-38-7",
        "CAS No. 437387|437-38-7",
        "cas#437387|437-38-7",
        "CAS RN: 59708-52-0|59708-52-0",
        // The first listed number in the text wins.
        "NPP 39742-60-4 and 4-ANPP 21409-26-7|39742-60-4"
      })
  void findsListedNumbersInText(String text, String number) {
    assertThat(CAS.find(text).entry().number()).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "437387", // bare digits: a quantity as likely as a registry number
        "lot 437387 pcs",
        "437-38-8", // wrong check digit
        "1437-38-7", // a longer number that merely ends like fentanyl's
        "437-38-71",
        "64-17-5", // valid but not listed
        "2024-12-05"
      }) // a date
  void doesNotFind(String text) {
    assertThat(CAS.find(text)).isNull();
  }

  @Test
  void numbersReadInARecordNameItAndTheRestAreFlagged() {
    // Read in this session's sources: carfentanil 59708-52-0 and acetyl fentanyl 3258-84-2 as the
    // primary CAS codes of their FDA substance records; 4-AP 23056-29-3, 1-boc-4-AP 125541-22-2 and
    // norfentanyl 1609-66-1 as China's 2024 precursor announcement numbers them.
    java.util.Map<String, String> confirmed = new java.util.TreeMap<>();
    for (CasNumbers.Entry e : CAS.entries()) {
      if (e.confirmed()) {
        confirmed.put(e.number(), e.canonicalName());
      } else {
        assertThat(e.checkedAgainst()).startsWith(CasNumbers.UNCONFIRMED + ": check digit only");
      }
    }
    assertThat(confirmed)
        .containsEntry("59708-52-0", "carfentanil")
        .containsEntry("3258-84-2", "acetyl fentanyl")
        .containsEntry("23056-29-3", "4-AP")
        .containsEntry("125541-22-2", "1-boc-4-AP")
        .containsEntry("1609-66-1", "norfentanyl");
    // A flagged number is still recognised: the flag records doubt, it does not hide the number.
    assertThat(DICT.match("437-38-7").name()).isEqualTo("fentanyl");
  }

  @ParameterizedTest(name = "bad line {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "437-38-8,fentanyl,FENTANYL,base,x,r|no CAS number",
        "437387,fentanyl,FENTANYL,base,x,r|no CAS number",
        "437-38-7,fentanyl,FENTANYL_ANALOGUE,base,x,r|unknown substance_class",
        "437-38-7,fentanyl,FENTANYL,base,x|expected 6 fields",
        "437-38-7,fentanyl,FENTANYL,base,x,|checked_against is empty",
        "990-73-8,fentanyl,FENTANYL,citrate,x,r|listed twice"
      })
  void badLinesAreRejectedWithTheirLine(String line, String problem) {
    String csv =
        "cas_number,canonical_name,substance_class,form,listed_in,checked_against\n"
            + "990-73-8,fentanyl,FENTANYL,citrate,x,r\n"
            + line
            + "\n";
    assertThatThrownBy(() -> CasNumbers.load(new StringReader(csv), "t.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t.csv line 3")
        .hasMessageContaining(problem);
  }

  @Test
  void aNumberNamingAnEntryTheDictionaryLacksIsRejected() {
    CasNumbers wrongClass =
        CasNumbers.load(new StringReader("437-38-7,fentanyl,FENTANYL_ANALOG,base,x,r\n"), "t.csv");
    assertThatThrownBy(() -> DICT.withCasNumbers(wrongClass))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("437-38-7");
    CasNumbers missing =
        CasNumbers.load(
            new StringReader("79-03-8,acetyl chloride,FENTANYL_PRECURSOR,base,x,r\n"), "t.csv");
    assertThatThrownBy(() -> DICT.withCasNumbers(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such entry");
  }
}
