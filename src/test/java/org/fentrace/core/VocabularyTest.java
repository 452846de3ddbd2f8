package org.fentrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void everyValueRoundTripsThroughItsWireName() throws java.io.IOException {
    // Every vocabulary of core, found as VocabularyLiteralsTest finds them, so a new one is
    // covered.
    List<Class<? extends Vocabulary>> all = VocabularyLiteralsTest.vocabularies();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    for (Class<? extends Vocabulary> type : all) {
      for (Vocabulary v : type.getEnumConstants()) {
        assertThat(fromWire(type, v.wireName())).isSameAs(v);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Vocabulary fromWire(Class<? extends Vocabulary> type, String wire) {
    return (Vocabulary) Vocabulary.fromWire((Class) type, wire);
  }

  @Test
  void wireNamesAreTheContractsSpellings() {
    // docs/contract.md, "Vocabularies": routes and classes in upper case, sources and formats in
    // lower case.
    assertThat(Route.WIRE_NAMES)
        .containsExactly(
            "CHINA_DIRECT",
            "MEXICO_CARTEL",
            "CHINA_PRECURSOR_VIA_MEXICO",
            "OTHER_ORIGIN",
            "UNATTRIBUTED");
    assertThat(SubstanceClass.FENTANYL_FAMILY_WIRE_NAMES)
        .containsExactly("FENTANYL", "FENTANYL_ANALOG");
    assertThat(Source.CBP_PUBLISHED.wireName()).isEqualTo("cbp_published");
    assertThat(InputFormat.NFLIS_DQS.wireName()).isEqualTo("nflis_dqs");
    assertThat(Vocabulary.fromWire(Source.class, "customs_shipments"))
        .isEqualTo(Source.CUSTOMS_SHIPMENTS);
  }

  @Test
  void anUnknownWireNameFailsNamingTheValues() {
    assertThatThrownBy(() -> Vocabulary.fromWire(Route.class, "CHINA"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown Route 'CHINA'")
        .hasMessageContaining("MEXICO_CARTEL");
  }

  @Test
  void otherAndUnknownAreSpelledOnceForEveryFreeTextVocabulary() {
    List<Class<? extends SpelledVocabulary>> spelled =
        List.of(Form.class, Region.class, InspectionOutcome.class, Conveyance.class);
    for (Class<? extends SpelledVocabulary> type : spelled) {
      for (SpelledVocabulary v : type.getEnumConstants()) {
        if (v.wireName().equals(Vocabulary.OTHER_WIRE_NAME)) {
          assertThat(v.spelled()).isSameAs(Spellings.OTHER);
        } else if (v.wireName().equals(Vocabulary.UNKNOWN_WIRE_NAME)) {
          assertThat(v.spelled()).isSameAs(Spellings.UNKNOWN);
        }
      }
    }
    assertThat(Form.fromRaw("misc")).isEqualTo(Form.OTHER);
    assertThat(Region.fromRaw("n/a")).isEqualTo(Region.UNKNOWN);
    assertThat(GoodsClass.OTHER.wireName()).isEqualTo(Vocabulary.OTHER_WIRE_NAME);
    assertThat(SubstanceClass.UNKNOWN.wireName()).isEqualTo(Vocabulary.UNKNOWN_WIRE_NAME);
  }
}
