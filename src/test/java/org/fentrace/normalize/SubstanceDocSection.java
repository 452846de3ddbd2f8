package org.fentrace.normalize;

/**
 * The "Substances" section of {@code docs/vocabularies.md}: how substance texts are matched, and
 * the CAS Registry Numbers rendered from {@code cas-numbers.csv}, so the page cannot drift from the
 * list.
 */
final class SubstanceDocSection {

  private SubstanceDocSection() {}

  static void render(StringBuilder md) {
    md.append("\n## Substances\n\n")
        .append(
            "Stored in `seizures.substance_name`, `substance_class` and `substance_unlisted`, the same"
                + " columns of `lab_reports`, and behind `shipments.goods_class` (a description naming a fentanyl"
                + " chemical). Names come from `src/main/resources/org/fentrace/normalize/substances.csv`;"
                + " `SubstanceDictionary` documents every rule. In order:\n\n")
        .append(
            "1. **Exact name.** Accents, case, spaces and punctuation do not count; salt and isomer words"
                + " (`HCl`, `hydrochloride`, `citrate`, `salt undetermined`, ...) are dropped. Word endings that"
                + " spell fentanyl in other languages read as `fentanyl`: `fentanil`, `fentanilo`, `fentanile`,"
                + " `fentanyle`, `fentanila`, `фентанил`, `フェンタニル`, `芬太尼` (so `卡芬太尼` is carfentanil's"
                + " Chinese name and an unknown `…芬太尼` is an unlisted analog). Brands (`Duragesic`,"
                + " `Sublimaze`, `Actiq`, `Fentora`, `Abstral`, ...) are synonyms of their substance.\n")
        .append(
            "2. **Structure.** A text that is one systematic name (IUPAC, CAS index order such as"
                + " `Propanamide, N-phenyl-N-[1-(2-phenylethyl)-4-piperidinyl]-`, DEA style, older"
                + " `...propionanilide`) is parsed into locants, substituents and parent. It has the fentanyl"
                + " skeleton when an amide (or carbamate) nitrogen carries a phenyl or substituted phenyl ring and"
                + " the 4-position of a piperidine ring, or when a piperidine's 4-position carries an acylated"
                + " anilino group (carfentanil's `4-[phenyl(propanoyl)amino]...piperidine-4-carboxylate`)."
                + " Spellings of one compound get one structure signature (propionyl = propanoyl = propanamide,"
                + " phenethyl = 2-phenylethyl, 4-piperidyl = piperidin-4-yl, isobutyryl = 2-methylpropanoyl,"
                + " acryl = prop-2-enoyl), so a name the dictionary does not spell out finds the entry whose"
                + " listed systematic name has that structure. A skeleton no entry has is **unlisted**"
                + " (`substance_unlisted = true`): `FENTANYL_ANALOG` when the piperidine nitrogen carries a"
                + " carbon substituent (the phenethyl or another group), `FENTANYL_PRECURSOR` when it is bare"
                + " (nor-compounds), carries a Boc guard, or the anilide has no acyl group (4-AP and 4-ANPP"
                + " variants).\n")
        .append(
            "3. **Free text and mixtures.** Listed names, words ending in `fentanyl`, registry numbers"
                + " and one-word systematic names are found inside longer text; the most fentanyl-relevant one"
                + " counts (fentanyl or analog, then precursor, then other drug), the first named between"
                + " equals. A listed name glued by a hyphen to a locant or nomenclature word of the same"
                + " token is part of a longer name and does not count (`4-oxopiperidine` inside `Methyl"
                + " N-Boc-4-oxopiperidine-3-carboxylate` is not 4-piperidone); a text that calls itself a"
                + " homolog (`Fentanyl methylene homolog`) takes no listed or `...fentanyl` name. Chemical"
                + " words before a listed precursor make an unlisted precursor, not the listed one:"
                + " `Bipiperidinyl 4-ANPP`, `N-Phenethyl Tetramethyl-4-AP`; the protecting group `Boc` is"
                + " such a word, so a Boc-protected nor-compound is never the unprotected one (`N-Boc"
                + " norfentanyl` is its own entry, not norfentanyl). Substituents written as"
                + " abbreviations count the same way, glued by a hyphen or as a token of their own"
                + " (`F`, `Cl`, `Br`, `Me`, `Et`, `Pr`, `Bu`, `Ph`, `Bn`, `PE`, `TM`, `Ac`, `OMe`, with or"
                + " without a locant): `PE-TM-4-AP`, `2F-4-AP`, `2-CL 4-ANPP` name substituted"
                + " precursors, never 4-AP or 4-ANPP; a lone `F` in free text says nothing. A halogen symbol"
                + " there means its written-out name, so it finds the entry that name has: `4F-fentanyl` is"
                + " 4-fluorofentanyl (para-fluorofentanyl), `p-F-4-ANPP` para-fluoro 4-ANPP, `3-CL-4-ANPP`"
                + " meta-chloro 4-ANPP, and an unlisted one reads as if written in full (`Br-4-AP` is"
                + " `bromo-4-ap`). A name without the ring position (`Chloro 4-ANPP`, `Chlorofentanyl`) is"
                + " its own entry, never the para isomer. A numeric"
                + " ring position equals ortho-/meta-/para- only where the dictionary lists both"
                + " (`2-Chloro 4-ANPP` and `ortho-Chloro 4-ANPP` are one entry). A branch prefix belongs"
                + " to its alkyl (`1-tert-butyl-4-piperidyl`).\n")
        .append(
            "4. **CAS Registry Numbers** from the table below: with hyphens anywhere (`437-38-7`), without"
                + " them only right after the word CAS (`CAS 437387`), and only when the check digit holds. A bare"
                + " run of digits, a mistyped number or a valid number not in the table says nothing. Each"
                + " number names the registry record or official list it was read in (`checked against`); one"
                + " flagged `unconfirmed` has only its check digit to show for it and is still recognised, listed"
                + " here so that it can be confirmed or dropped.\n")
        .append("5. Otherwise `UNKNOWN`, named by the cleaned text.\n\n")
        .append(
            "Only what has the skeleton is recognised by structure. Kept out: 4-phenylpiperidine opioids"
                + " (pethidine, loperamide, diphenoxylate, ketobemidone: the aryl sits on C4 itself, no anilide"
                + " nitrogen), phencyclidine and other piperidines (4-piperidone is a precursor only because it"
                + " is listed), piperazines (MT-45), nitazenes (benzimidazoles), benzamides (U-47700, AH-7921),"
                + " brorphine (a piperidin-4-yl on a benzimidazolone, not on an anilide). Names listed in"
                + " `substances.csv` keep the class written there.\n\n")
        .append(
            "| CAS number | substance | class | form | listed in | checked against |\n"
                + "|---|---|---|---|---|---|\n");
    for (CasNumbers.Entry e : CasNumbers.loadDefault().entries()) {
      md.append("| `")
          .append(e.number())
          .append("` | ")
          .append(e.canonicalName())
          .append(" | `")
          .append(e.substanceClass())
          .append("` | ")
          .append(e.form())
          .append(" | ")
          .append(e.listedIn())
          .append(" | ")
          .append(e.checkedAgainst())
          .append(" |\n");
    }
  }
}
