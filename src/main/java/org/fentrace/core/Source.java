package org.fentrace.core;

import java.util.Locale;

/**
 * A source of numbers: the unit inside which figures may be added up. Two sources can describe the
 * same seizures (CBP's published monthly aggregates already include every CBP seizure that an
 * agency's own event file may list again), so no derived table ever adds figures across sources.
 * CBP's nationwide file and its Air and Marine Operations file cover disjoint CBP components, so
 * together they are one source.
 */
public enum Source implements Vocabulary {
  /**
   * CBP's published "Nationwide Drug Seizures" statistics: the nationwide and AMO files together.
   */
  CBP_PUBLISHED,
  /** Individual seizure events in the canonical seizure layout. */
  SEIZURE_EVENTS,
  /** Customs shipment records in the canonical shipment layout. */
  CUSTOMS_SHIPMENTS,
  /**
   * NFLIS-Drug laboratory reports: counts of analysed items by substance, state and half-year.
   * Counts, not kilograms, with no route; a source of their own whatever else they may overlap
   * with.
   */
  NFLIS_LAB_REPORTS;

  /** The value written in every derived table's {@code source} column. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String wireName() {
    return id();
  }

  /** The source an input format's rows belong to. */
  public static Source of(InputFormat format) {
    return switch (format) {
      case CBP_NATIONWIDE, CBP_AMO -> CBP_PUBLISHED;
      case SEIZURE_EVENTS -> SEIZURE_EVENTS;
      case CUSTOMS_SHIPMENTS -> CUSTOMS_SHIPMENTS;
      case NFLIS_DQS -> NFLIS_LAB_REPORTS;
    };
  }

  /**
   * The source of a {@code source_format} column value, as written in the seizures and shipments
   * tables.
   */
  public static Source ofSourceFormat(String sourceFormat) {
    return of(InputFormat.fromId(sourceFormat));
  }

  /** The source written as {@code id}, or empty for a string that names none. */
  public static java.util.Optional<Source> lookup(String id) {
    for (Source s : values()) {
      if (s.id().equals(id)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }

  /** The source written as {@code id}; fails naming it and every source (listed from the enum). */
  public static Source fromId(String id) {
    return lookup(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown source '"
                        + id
                        + "'; expected one of "
                        + String.join(
                            ", ", java.util.Arrays.stream(values()).map(Source::id).toList())));
  }
}
