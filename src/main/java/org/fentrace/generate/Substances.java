package org.fentrace.generate;

import java.util.SplittableRandom;

/** Substance names as officers and labs write them, chosen with the era in mind. */
final class Substances {
  private Substances() {}

  /** China's class-wide control of fentanyl-related substances took effect on 1 May 2019. */
  static final double CHINA_CLASS_CONTROL = 2019.33;

  /**
   * Weights of {@link LandingSpellings#OTHER_DRUGS}, in its order; nitazenes get theirs only from
   * 2019.5.
   */
  private static final double[] OTHER_WEIGHTS = {15, 30, 22, 8, 8, 2.5, 2.5, 12};

  private static final double[] OTHER_WEIGHTS_BEFORE_NITAZENES = {15, 30, 22, 8, 8, 0, 0, 12};

  /**
   * Fentanyl itself or one of its salts, in a form other than pills; Spanish spellings more often
   * via Mexico.
   */
  static String fentanyl(SplittableRandom r, boolean spanish) {
    if (spanish && r.nextInt(3) == 0) {
      return r.nextBoolean() ? "fentanilo" : "fentanil";
    }
    return Rand.pick(r, LandingSpellings.FENTANYL_POWDER);
  }

  /** Fentanyl written on a pill seizure. */
  static String fentanylPills(SplittableRandom r, boolean spanish) {
    int i = r.nextInt(6);
    if (i < 3) {
      return LandingSpellings.M30;
    }
    return i == 3 ? "Fentanyl" : fentanyl(r, spanish);
  }

  /**
   * A fentanyl-related substance: the whole catalogue of analogs before the class-wide control,
   * fewer of them after, and from 2022 on now and then an analog in no list yet.
   */
  static String analog(SplittableRandom r, double year) {
    if (year < CHINA_CLASS_CONTROL) {
      return Rand.pick(r, LandingSpellings.ANALOGS);
    }
    if (year >= LandingSpellings.NOVEL_FROM_YEAR && r.nextInt(4) == 0) {
      return Rand.pick(r, LandingSpellings.NOVEL_ANALOGS);
    }
    return r.nextInt(3) == 0
        ? Rand.pick(r, LandingSpellings.ANALOGS)
        : Rand.pick(r, LandingSpellings.ANALOGS_AFTER_2019);
  }

  static String precursor(SplittableRandom r) {
    return Rand.pick(r, LandingSpellings.PRECURSORS);
  }

  /**
   * Other drugs, methamphetamine and cocaine most often; nitazenes only once they appeared on the
   * market.
   */
  static String otherDrug(SplittableRandom r, double year) {
    double[] w =
        year >= LandingSpellings.NITAZENES_FROM_YEAR
            ? OTHER_WEIGHTS
            : OTHER_WEIGHTS_BEFORE_NITAZENES;
    return LandingSpellings.OTHER_DRUGS[Rand.weighted(r, w)];
  }

  /** The typical kilograms of one seizure of a non-fentanyl drug crossing a land border. */
  static double landLoadKg(String drug) {
    switch (drug) {
      case "marijuana":
        return 60;
      case "methamphetamine":
        return 15;
      case "cocaine":
        return 8;
      case "heroin":
        return 2;
      default:
        return 1;
    }
  }

  /**
   * Parcels from China after the class-wide control: fewer analogs, more precursors and newer
   * drugs.
   */
  static String chinaParcelContents(SplittableRandom r, double year) {
    if (year < CHINA_CLASS_CONTROL) {
      int i = Rand.weighted(r, 50, 45, 5);
      return i == 0 ? fentanyl(r, false) : i == 1 ? analog(r, year) : precursor(r);
    }
    int i = Rand.weighted(r, 55, 15, 18, 12);
    switch (i) {
      case 0:
        return fentanyl(r, false);
      case 1:
        return analog(r, year);
      case 2:
        return precursor(r);
      default:
        return year >= LandingSpellings.NITAZENES_FROM_YEAR && r.nextBoolean()
            ? Rand.pick(r, LandingSpellings.NITAZENES)
            : "xylazine";
    }
  }
}
