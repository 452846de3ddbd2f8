package org.fentrace.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PartyHasherTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OTHER_KEY =
      "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  private final PartyHasher hasher = new PartyHasher(KEY);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ACME CO LTD",
        "Acme Co., Ltd.",
        "acme co ltd",
        "  Acme   Co -- Ltd  ",
        "Ácme Có Ltd",
        "ACME\tCO\nLTD",
        "Acme-Co/Ltd"
      })
  void spellingsOfTheSameNameGetTheSameId(String name) {
    assertThat(hasher.hash(name)).isEqualTo(hasher.hash("ACME CO LTD"));
  }

  @Test
  void accentsAreRemoved() {
    assertThat(hasher.hash("José Núñez")).isEqualTo(hasher.hash("JOSE NUNEZ"));
    assertThat(PartyHasher.canonical("José Núñez")).isEqualTo("JOSE NUNEZ");
    assertThat(PartyHasher.canonical("Acme Co., Ltd.")).isEqualTo("ACME CO LTD");
  }

  @Test
  void idIsTheFirst128BitsOfHmacSha256OfTheCanonicalName() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    byte[] d = mac.doFinal("ACME CO LTD".getBytes(StandardCharsets.UTF_8));
    assertThat(hasher.hash("Acme Co., Ltd.")).isEqualTo(HexFormat.of().formatHex(d, 0, 16));
  }

  @Test
  void idIs32LowerCaseHexCharacters() {
    assertThat(hasher.hash("Shenzhen Trading Co")).matches("[0-9a-f]{32}");
  }

  @Test
  void differentNamesGetDifferentIds() {
    assertThat(hasher.hash("Acme Co")).isNotEqualTo(hasher.hash("Acme Corp"));
    assertThat(hasher.hash("AB C")).isNotEqualTo(hasher.hash("A BC"));
  }

  @Test
  void differentKeysGiveDifferentIds() {
    assertThat(new PartyHasher(OTHER_KEY).hash("Acme Co")).isNotEqualTo(hasher.hash("Acme Co"));
    assertThat(new PartyHasher(KEY.clone()).hash("Acme Co")).isEqualTo(hasher.hash("Acme Co"));
  }

  @Test
  void keyIsCopied() {
    byte[] key = KEY.clone();
    PartyHasher h = new PartyHasher(key);
    String before = h.hash("Acme Co");
    key[0] ^= 1;
    assertThat(new PartyHasher(KEY).hash("Acme Co")).isEqualTo(before);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "...", " - , ", "\t"})
  void blankNameHasNoId(String name) {
    assertThat(hasher.hash(name)).isNull();
  }

  @Test
  void clearNameNeverAppearsInTheId() {
    String name = "Juan";
    String id = hasher.hash(name);
    assertThat(id.toLowerCase()).doesNotContain("juan");
    assertThat(id).doesNotContain(HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8)));
    assertThat(id)
        .doesNotContain(HexFormat.of().formatHex("JUAN".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shortOrMissingKeyIsRefused() {
    assertThatThrownBy(() -> new PartyHasher(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PartyHasher(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PartyHasher(new byte[16]).hash("x")).hasSize(32);
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    String before = hasher.hash("Acme Co");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(hasher);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      PartyHasher copy = (PartyHasher) in.readObject();
      assertThat(copy.hash("ACME CO")).isEqualTo(before);
    }
  }
}
