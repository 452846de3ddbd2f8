package org.fentrace.normalize;

import java.io.Serializable;

/**
 * Everything a record normalizer needs besides the record: settings and the reference data
 * (substance dictionary, country table, party hasher). Built once on the driver, shipped to
 * executors.
 */
public record NormalizationContext(
    NormalizerSettings settings,
    SubstanceDictionary substances,
    CountryNormalizer countries,
    PartyHasher parties)
    implements Serializable {

  /** Bundled reference data with the given settings and party-hash key. */
  public static NormalizationContext withDefaults(
      NormalizerSettings settings, byte[] partyHashKey) {
    return new NormalizationContext(
        settings,
        SubstanceDictionary.loadDefault(),
        CountryNormalizer.loadDefault(),
        new PartyHasher(partyHashKey));
  }
}
