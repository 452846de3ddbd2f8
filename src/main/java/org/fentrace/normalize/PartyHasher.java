package org.fentrace.normalize;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces shipper and consignee names by a keyed hash (HMAC-SHA-256, first 128 bits in hex).
 *
 * <p>Why keyed: a plain hash of a name can be reversed by hashing a list of names; without the key
 * it cannot. The same name written with different case, accents, punctuation or spacing gets the
 * same id, so analysts can still count repeat shippers. Clear names are never stored, logged or
 * quarantined.
 */
public final class PartyHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] key;
  private transient Mac mac;

  public PartyHasher(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("the party hash key must be at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** The id of a name, or null for a blank name. */
  public String hash(String name) {
    String canonical = canonical(name);
    if (canonical.isEmpty()) {
      return null;
    }
    byte[] digest = mac().doFinal(canonical.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  /**
   * Upper case, accents and punctuation removed, spaces collapsed: "Acme Co., Ltd." = "ACME CO
   * LTD".
   */
  static String canonical(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        b.append(c);
        space = false;
      } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
        space = true;
      }
    }
    return b.toString();
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    }
    return mac;
  }
}
