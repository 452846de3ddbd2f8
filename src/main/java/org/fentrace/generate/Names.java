package org.fentrace.generate;

import java.util.SplittableRandom;

/**
 * Invented shipper and consignee names built from syllable tables. They resemble no real company or
 * person on purpose (they exist to test that party names are hashed, never stored in clear) and
 * they carry the awkward characters real names do: commas ({@code Co., Ltd.}), quotes (nicknames),
 * an ampersand, accents, and now and then a second line ({@code c/o ...}).
 */
final class Names {
  private Names() {}

  private static final String[] HEAD = {
    "Zhal", "Qorn", "Vexi", "Lumb", "Tarq", "Oxen", "Prae", "Kvel", "Shun", "Yaro", "Blen", "Drav",
    "Fenq", "Wuxo", "Hanz", "Mirt"
  };
  private static final String[] TAIL = {
    "tek", "ova", "ari", "ong", "ium", "eda", "olt", "ix", "ura", "enz"
  };
  private static final String[] CN_SUFFIX = {
    "Trading Co., Ltd.",
    "Biotech Co., Ltd.",
    "Chemical Technology Co., Ltd.",
    "Import & Export Co.",
    "Pharmatech Ltd",
    "Logistics Ltd",
    "Industrial Co.",
    "New Material Co., Ltd."
  };
  private static final String[] MX_SUFFIX = {
    "S.A. de C.V.", "Importaciones S. de R.L.", "Comercializadora"
  };
  private static final String[] US_SUFFIX = {"LLC", "Inc.", "Distributors", "Supply Co."};
  private static final String[] FIRST = {
    "Ardo", "Belin", "Corvi", "Dessa", "Emrin", "Falo", "Gavri", "Hesk", "Ilsa", "Jorv", "Kessa",
    "Lumo", "Nadié", "Oskar", "Prue", "Rolan"
  };
  private static final String[] LAST = {
    "Vantrell",
    "Oskobar",
    "Quillan",
    "Drebbick",
    "Marsune",
    "Tolvane",
    "Pexley",
    "Zurano",
    "Hathcombe",
    "Ruvello",
    "Ibarrenta",
    "Colquist"
  };
  private static final String[] NICK = {"Tiny", "El Güero", "Blue", "Doc"};

  private static void company(StringBuilder sb, SplittableRandom r) {
    sb.append(Rand.pick(r, HEAD)).append(Rand.pick(r, TAIL));
    if (r.nextInt(3) == 0) {
      sb.append(' ').append(Rand.pick(r, HEAD)).append(Rand.pick(r, TAIL));
    }
  }

  /** A shipper: mostly companies named like exporters of the origin country. */
  static String shipper(SplittableRandom r, boolean mexican) {
    StringBuilder sb = new StringBuilder(48);
    if (r.nextInt(5) == 0) {
      return person(r);
    }
    company(sb, r);
    sb.append(' ').append(mexican ? Rand.pick(r, MX_SUFFIX) : Rand.pick(r, CN_SUFFIX));
    return sb.toString();
  }

  /**
   * A consignee: a person or a small importer, now and then with a quoted nickname or a care-of
   * line.
   */
  static String consignee(SplittableRandom r, boolean mexican) {
    String name;
    if (r.nextInt(3) == 0) {
      StringBuilder sb = new StringBuilder(40);
      company(sb, r);
      sb.append(' ').append(mexican ? Rand.pick(r, MX_SUFFIX) : Rand.pick(r, US_SUFFIX));
      name = sb.toString();
    } else {
      name = person(r);
    }
    int quirk = r.nextInt(100);
    if (quirk == 0) {
      return name + "\nc/o " + Rand.pick(r, LAST) + " Freight Forwarding";
    }
    if (quirk <= 2) {
      return Rand.pick(r, LAST) + ", " + Rand.pick(r, FIRST);
    }
    return name;
  }

  private static String person(SplittableRandom r) {
    String first = Rand.pick(r, FIRST);
    String last = Rand.pick(r, LAST);
    if (r.nextInt(40) == 0) {
      return first + " \"" + Rand.pick(r, NICK) + "\" " + last;
    }
    if (r.nextInt(4) == 0) {
      return first + ' ' + (char) ('A' + r.nextInt(26)) + ". " + last;
    }
    return first + ' ' + last;
  }
}
