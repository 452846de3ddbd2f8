package org.fentrace.generate;

import java.util.SplittableRandom;

/**
 * Random helpers that give the same values on every JVM and platform: only {@link
 * SplittableRandom}'s integer/double streams, plain arithmetic and {@link StrictMath} (never {@code
 * Math.exp} or {@code nextGaussian}, whose results may differ between JDKs or CPUs).
 */
final class Rand {
  private Rand() {}

  private static final double SQRT3 = 1.7320508075688772;

  /**
   * A seed for stream {@code stream} of chunk {@code chunk}: SplitMix64's finalizer over the three
   * values.
   */
  static long seed(long seed, long chunk, long stream) {
    long z = mix(seed ^ 0x3C6EF372FE94F82BL);
    z = mix(z + 0x9E3779B97F4A7C15L * (chunk + 1));
    return mix(z + 0xBF58476D1CE4E5B9L * (stream + 2));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /**
   * The first value three times as often as each of the others: common spellings dominate, rare
   * ones appear.
   */
  static String pickSpelling(SplittableRandom r, String[] spellings) {
    int i = r.nextInt(spellings.length + 2) - 2;
    return spellings[Math.max(i, 0)];
  }

  /** Index into {@code weights} chosen with probability proportional to its weight. */
  static int weighted(SplittableRandom r, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * An approximately standard normal value (Irwin-Hall sum of four uniforms): bounded at about 3.5
   * standard deviations, which keeps generated quantities away from the plausibility ceilings.
   */
  static double normal(SplittableRandom r) {
    double s = r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble();
    return (s - 2.0) * SQRT3;
  }

  /** Log-normal with the given median and log-scale spread. */
  static double logNormal(SplittableRandom r, double median, double sigma) {
    return median * StrictMath.exp(sigma * normal(r));
  }
}
