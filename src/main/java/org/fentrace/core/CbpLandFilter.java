package org.fentrace.core;

/**
 * CBP's "Land Filter" of a published CBP row ({@code cbp_land_filter}): whether CBP counts it as a
 * land-border seizure.
 */
public enum CbpLandFilter implements Vocabulary {
  /** CBP's "Land Only": seized at or between the land ports. */
  LAND_ONLY,
  /** CBP's "Other": air, sea, mail and the interior. */
  OTHER
}
