package org.fentrace.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input formats of docs/contract.md ("Landing (input)"), each defined by its header. A file is
 * recognised by its header alone, whatever folder it lies in; column names match case-insensitively
 * with spaces, underscores and hyphens treated alike (see {@link #columnKey(String)}).
 */
public enum InputFormat implements Vocabulary {
  SEIZURE_EVENTS(
      "seizure_events",
      "seizure_id",
      List.of("seizure_id", "seizure_date", "substance", "quantity", "unit"),
      List.of(
          "agency",
          "region",
          "location",
          "us_state",
          "conveyance",
          "form",
          "origin_country",
          "transit_countries",
          "destination_country",
          "shipment_id")),
  CUSTOMS_SHIPMENTS(
      "customs_shipments",
      "shipment_id",
      List.of("shipment_id", "arrival_date", "origin_country", "mode", "description"),
      List.of(
          "export_country",
          "transit_countries",
          "port_of_entry",
          "destination_state",
          "hs_code",
          "gross_weight",
          "weight_unit",
          "declared_value_usd",
          "shipper_name",
          "consignee_name",
          "inspection_outcome",
          "seized_substance",
          "seized_quantity",
          "seized_unit")),
  CBP_NATIONWIDE(
      "cbp_nationwide",
      "area_of_responsibility",
      List.of(
          "fy",
          "month_(abbv)",
          "component",
          "region",
          "land_filter",
          "area_of_responsibility",
          "drug_type",
          "count_of_event",
          "sum_qty_(lbs)"),
      List.of()),
  CBP_AMO(
      "cbp_amo",
      "branch",
      List.of(
          "fy",
          "month_(abbv)",
          "component",
          "region",
          "land_filter",
          "branch",
          "drug_type",
          "count_of_event",
          "sum_qty_(lbs)"),
      List.of()),
  /**
   * NFLIS-Drug Data Query System export: drug report counts by substance, state and half-year, as
   * the DEA's query tool writes them (its own upper-case column names, every value quoted).
   */
  NFLIS_DQS(
      "nflis_dqs",
      "drug_reports",
      List.of(
          "yyyy",
          "period",
          "drug_reports",
          "substance_id",
          "substance_description",
          "base_id",
          "base_description",
          "state"),
      List.of(
          "labtype",
          "rptaggr",
          "query_run_date",
          "drug_category_code",
          "drug_category_description",
          "state_long_name",
          "state_fips"));

  private final String id;
  private final String signatureColumn;
  private final List<String> required;
  private final List<String> optional;

  InputFormat(String id, String signatureColumn, List<String> required, List<String> optional) {
    this.id = id;
    this.signatureColumn = signatureColumn;
    this.required = required;
    this.optional = optional;
  }

  /** The name used in the contract, the manifest and the {@code source_format} column. */
  public String id() {
    return id;
  }

  @Override
  public String wireName() {
    return id;
  }

  /**
   * A required column that only this format has; used to name the format a broken header was meant
   * to be.
   */
  public String signatureColumn() {
    return signatureColumn;
  }

  public List<String> requiredColumns() {
    return required;
  }

  public List<String> optionalColumns() {
    return optional;
  }

  /** The full header: the required columns, then the optional ones, in the contract's order. */
  public List<String> columns() {
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    return List.copyOf(all);
  }

  public boolean isCbpAggregate() {
    return this == CBP_NATIONWIDE || this == CBP_AMO;
  }

  /**
   * The table this format's normalized rows go to: customs lines to shipments, NFLIS counts to lab
   * reports, every seizure format (events and CBP's aggregates) to seizures. Whatever asks which
   * table a file feeds (the ingest's accounting, whether a night has lab reports to stage) asks
   * here.
   */
  public TableName table() {
    return switch (this) {
      case CUSTOMS_SHIPMENTS -> TableName.SHIPMENTS;
      case NFLIS_DQS -> TableName.LAB_REPORTS;
      case SEIZURE_EVENTS, CBP_NATIONWIDE, CBP_AMO -> TableName.SEIZURES;
    };
  }

  public static InputFormat fromId(String id) {
    for (InputFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown input format '" + id + "'");
  }

  /**
   * Canonical key of a header cell: trimmed, lower case, runs of spaces, underscores and hyphens
   * made one underscore. {@code "Sum Qty (lbs)"} and {@code "sum_qty_(lbs)"} both give {@code
   * sum_qty_(lbs)}.
   */
  public static String columnKey(String headerCell) {
    String s = headerCell == null ? "" : headerCell.strip().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean lastSep = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '_' || c == '-' || c == '\t') {
        if (!lastSep && b.length() > 0) {
          b.append('_');
        }
        lastSep = true;
      } else {
        b.append(c);
        lastSep = false;
      }
    }
    int n = b.length();
    if (n > 0 && b.charAt(n - 1) == '_') {
      b.setLength(n - 1);
    }
    return b.toString();
  }
}
