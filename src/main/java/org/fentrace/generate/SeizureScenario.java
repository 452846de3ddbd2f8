package org.fentrace.generate;

/**
 * The ways a generated seizure comes about, each with its yearly volume curve (relative weights by
 * year, interpolated by {@link Timeline}); {@link ScenarioSeizures} fills a row of each.
 */
enum SeizureScenario {
  /** Grams of very pure powder in mail and express parcels from China, Hong Kong, Macau. */
  CHINA_DIRECT(
      new double[][] {
        {2015, 1.5},
        {2017, 3.0},
        {2018.5, 4.0},
        {2019.33, 4.0},
        {2019.9, 2.0},
        {2021, 1.0},
        {2023, 0.6},
        {2025, 0.5}
      }),
  /** Kilograms and pill counts crossing the Southwest land border from Mexico. */
  MEXICO_LAND(
      new double[][] {
        {2015, 0.8},
        {2017, 1.0},
        {2019, 2.0},
        {2020, 3.5},
        {2021, 5.5},
        {2022, 7.5},
        {2023, 9.0},
        {2025, 9.5}
      }),
  /** Chinese precursors bound for Mexico, seized in US ports on the way. */
  PRECURSOR_VIA_MEXICO(new double[][] {{2015, 0.1}, {2018, 0.25}, {2020, 0.5}, {2023, 0.9}}),
  /** Canada, India, Europe, South America, Viet Nam. */
  OTHER_ORIGIN(new double[][] {{2015, 0.6}, {2020, 0.7}, {2023, 1.0}}),
  /** Southwest border seizures by vehicle or pedestrian with no origin written down. */
  SWB_NO_ORIGIN(new double[][] {{2015, 0.4}, {2019, 0.8}, {2023, 2.0}}),
  /** Interior seizures by DEA, state and local police: nothing says where the drugs came from. */
  UNATTRIBUTABLE(new double[][] {{2015, 0.8}, {2023, 1.5}});

  final double[][] volume;

  SeizureScenario(double[][] volume) {
    this.volume = volume;
  }

  static double[][][] volumes() {
    SeizureScenario[] s = values();
    double[][][] v = new double[s.length][][];
    for (int i = 0; i < s.length; i++) {
      v[i] = s[i].volume;
    }
    return v;
  }
}
