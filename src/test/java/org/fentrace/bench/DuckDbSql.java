package org.fentrace.bench;

import java.util.List;
import org.fentrace.normalize.SubstanceDictionary;

/**
 * The DuckDB competitor's normalization, in SQL. The same steps as fentrace, written as a careful
 * DuckDB user would: read with an explicit all-VARCHAR schema; map each distinct raw value of a
 * dictionary column once (countries, transit lists, units, vocabularies, substances) by joining the
 * tables of {@link DuckDbLookups}; parse dates (three layouts) and numbers (thousands commas);
 * convert units with the exact factors; reject rows for the same reasons in the same order; keep
 * the newest delivery of each id; enrich seizures from their linked shipment; attribute routes with
 * the same rule file ({@link DuckDbRoutes}); write Hive-partitioned Parquet by {@code event_month}.
 *
 * <p>Simplifications, all of which make DuckDB's work lighter than fentrace's: no physical line
 * numbers (read_csv has none; duplicates inside one file keep an arbitrary row); substance text is
 * matched by exact key, then by single words and word pairs (fentrace scans runs of any length and
 * handles o-/m-/p- locants); country keys skip the "the"/"republic of" retry and spaced initials;
 * party ids are SHA-256 of key and name rather than HMAC-SHA-256; scientific-notation quantities
 * are not read; a number too wide for DECIMAL(20,6) is rejected as BAD_QUANTITY, where fentrace
 * checks each normalized value against its own column's precision (OUT_OF_RANGE).
 */
final class DuckDbSql {
  private DuckDbSql() {}

  /**
   * Salt and isomer words dropped from substance keys: fentrace's own list, so the two sides drop
   * the same words.
   */
  static final List<String> NOTE_WORDS = SubstanceDictionary.noteWords();

  static final String MACROS =
      """
      CREATE MACRO vkey(x) AS trim(regexp_replace(regexp_replace(replace(lower(strip_accents(x)), '&', ' and '),
          '[.''`]', '', 'g'), '[^a-z0-9]+', ' ', 'g'));
      CREATE MACRO blank(x) AS x IS NULL OR trim(x) = '';
      CREATE MACRO nz(x) AS nullif(trim(x), '');
      CREATE MACRO pdate(x) AS coalesce(try_strptime(trim(x), '%Y-%m-%d'), try_strptime(trim(x), '%m/%d/%Y'),
          try_strptime(trim(x), '%d-%b-%Y'))::DATE;
      CREATE MACRO pnum(x) AS CASE WHEN regexp_full_match(trim(x), '[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]*)(\\.[0-9]*)?')
          THEN TRY_CAST(replace(trim(x), ',', '') AS DECIMAL(20,6)) END;
      CREATE MACRO fy(d) AS CASE WHEN month(d) >= 10 THEN year(d) + 1 ELSE year(d) END;
      CREATE MACRO swords(x) AS list_transform(list_filter(string_split_regex(lower(strip_accents(x)), '[^a-z0-9'']+'),
          lambda w: w <> '' AND NOT list_contains(${NOTES}, w)),
          lambda w: regexp_replace(w, '(fentanilo|fentanile|fentanil|fentanyle)$', 'fentanyl'));
      CREATE MACRO rank_cls(c) AS CASE c WHEN 'FENTANYL' THEN 3 WHEN 'FENTANYL_ANALOG' THEN 3
          WHEN 'FENTANYL_PRECURSOR' THEN 2 WHEN 'OTHER_DRUG' THEN 1 ELSE 0 END;
      """;

  static final String READ =
      """
      CREATE TEMP TABLE s0 AS SELECT * FROM read_csv(${SEIZURE_FILES}, header = true, auto_detect = false,
          delim = ',', quote = '"', escape = '"', filename = true, columns = ${SEIZURE_COLUMNS});
      CREATE TEMP TABLE h0 AS SELECT * FROM read_csv(${SHIPMENT_FILES}, header = true, auto_detect = false,
          delim = ',', quote = '"', escape = '"', filename = true, columns = ${SHIPMENT_COLUMNS});
      """;

  static final String MAPS =
      """
      CREATE TEMP TABLE country_key AS SELECT vkey(spelling) k,
          CASE WHEN count(DISTINCT code) = 1 THEN any_value(code) END code
        FROM lk_country WHERE code IS NOT NULL GROUP BY 1;
      CREATE TEMP TABLE m_country AS
        WITH raw AS (SELECT origin_country x FROM s0 UNION SELECT destination_country FROM s0
                     UNION SELECT origin_country FROM h0 UNION SELECT export_country FROM h0)
        SELECT raw.x, k.code FROM raw LEFT JOIN country_key k ON k.k = vkey(raw.x) WHERE raw.x IS NOT NULL;
      CREATE TEMP TABLE m_transit AS
        WITH raw AS (SELECT transit_countries x FROM s0 UNION SELECT transit_countries FROM h0),
        pieces AS (SELECT x, unnest(range(1, len(p) + 1)) pos, unnest(p) piece
                   FROM (SELECT x, string_split_regex(x, '[|;]') p FROM raw WHERE x IS NOT NULL))
        SELECT x, coalesce(list(k.code ORDER BY pos) FILTER (WHERE k.code IS NOT NULL), []::VARCHAR[]) codes
        FROM pieces LEFT JOIN country_key k ON k.k = vkey(trim(piece)) GROUP BY x;
      CREATE TEMP TABLE m_state AS
        WITH raw AS (SELECT us_state x FROM s0 UNION SELECT destination_state FROM h0),
        st AS (SELECT vkey(spelling) k, any_value(code) code FROM lk_state GROUP BY 1)
        SELECT raw.x, st.code FROM raw LEFT JOIN st ON st.k = vkey(raw.x) WHERE raw.x IS NOT NULL;
      CREATE TEMP TABLE unit_key AS SELECT lower(spelling) k, any_value(kg) kg, any_value(is_count) is_count
        FROM lk_unit GROUP BY 1;
      CREATE TEMP TABLE m_unit AS
        WITH raw AS (SELECT unit x FROM s0 UNION SELECT weight_unit FROM h0 UNION SELECT seized_unit FROM h0),
        k AS (SELECT x, replace(lower(trim(x)), '_', ' ') k FROM raw WHERE x IS NOT NULL)
        SELECT x, coalesce(u1.kg, u2.kg) kg, coalesce(u1.is_count, u2.is_count) is_count
        FROM k LEFT JOIN unit_key u1 ON u1.k = k.k LEFT JOIN unit_key u2 ON u2.k = rtrim(k.k, '.');
      CREATE TEMP TABLE vocab_key AS SELECT vocab, vkey(spelling) k, any_value(value) value FROM lk_vocab GROUP BY ALL;
      CREATE TEMP TABLE m_subst AS
        WITH raw AS (SELECT substance x FROM s0 UNION SELECT seized_substance FROM h0 UNION SELECT description FROM h0),
        w AS (SELECT x, swords(x) ws FROM raw WHERE x IS NOT NULL AND trim(x) <> ''),
        exact AS (SELECT w.x, d.name, d.cls FROM w JOIN lk_subst d ON d.skey = array_to_string(w.ws, '')),
        words AS (SELECT x, unnest(range(1, len(ws) + 1)) pos, unnest(ws) word,
                         unnest(list_transform(range(1, len(ws) + 1), lambda i: coalesce(ws[i + 1], ''))) nxt
                  FROM w WHERE x NOT IN (SELECT x FROM exact)),
        cand AS (SELECT x, pos, d.name, d.cls, false unlisted, 0 len_bonus FROM words JOIN lk_subst d ON d.skey = words.word
                 UNION ALL
                 SELECT x, pos, d.name, d.cls, false, 1 FROM words JOIN lk_subst d ON d.skey = word || nxt
                 UNION ALL
                 SELECT x, pos, word || nxt, 'FENTANYL_ANALOG', true, 1 FROM words
                 WHERE nxt LIKE '%fentanyl' AND word LIKE '%yl' AND word || nxt NOT IN (SELECT skey FROM lk_subst)
                 UNION ALL
                 SELECT x, pos, word, CASE WHEN word LIKE '%norfentanyl' OR word LIKE '%anpp' THEN 'FENTANYL_PRECURSOR'
                        ELSE 'FENTANYL_ANALOG' END, true, 0
                 FROM words WHERE (word LIKE '%fentanyl' OR word LIKE '%anpp') AND word NOT IN (SELECT skey FROM lk_subst)),
        best AS (SELECT x, arg_max({'name': name, 'cls': cls, 'unlisted': unlisted},
                                   rank_cls(cls) * 100000 - pos * 10 + len_bonus) b FROM cand GROUP BY x)
        SELECT w.x, coalesce(e.name, best.b.name, array_to_string(w.ws, ' ')) name,
               coalesce(e.cls, best.b.cls, 'UNKNOWN') cls, e.name IS NULL AND coalesce(best.b.unlisted, false) unlisted
        FROM w LEFT JOIN exact e ON e.x = w.x LEFT JOIN best ON best.x = w.x;
      """;

  /**
   * A vocabulary's distinct raw values mapped: exact spelling, else first keyword phrase, else
   * OTHER.
   */
  static String vocabMap(String table, String vocab, String rawUnion) {
    return """
        CREATE TEMP TABLE ${T} AS
          WITH raw AS (SELECT DISTINCT x FROM (${RAW}) t(x)), keyed AS (SELECT x, vkey(x) k FROM raw WHERE x IS NOT NULL),
          kw AS (SELECT keyed.x, arg_min(w.value, w.prio) value FROM keyed JOIN lk_kw w
                   ON w.vocab = '${V}' AND contains(' ' || keyed.k || ' ', ' ' || vkey(w.phrase) || ' ') GROUP BY keyed.x)
          SELECT keyed.x, CASE WHEN keyed.k = '' THEN 'UNKNOWN' ELSE coalesce(e.value, kw.value, 'OTHER') END value
          FROM keyed LEFT JOIN vocab_key e ON e.vocab = '${V}' AND e.k = keyed.k LEFT JOIN kw ON kw.x = keyed.x;
        """
        .replace("${T}", table)
        .replace("${V}", vocab)
        .replace("${RAW}", rawUnion);
  }

  static final String SEIZURES =
      """
      CREATE TEMP TABLE s1 AS
        WITH p AS (SELECT *, pdate(seizure_date) d, pnum(quantity) q FROM s0)
        SELECT p.*, u.kg factor, u.is_count,
          CASE WHEN blank(seizure_id) OR blank(seizure_date) OR blank(substance) OR blank(quantity) OR blank(unit)
                 THEN 'MISSING_REQUIRED_VALUE'
               WHEN d IS NULL THEN 'BAD_DATE'
               WHEN d > DATE '${RUN_DATE}' THEN 'FUTURE_DATE'
               WHEN d < DATE '${EARLIEST}' THEN 'DATE_OUT_OF_RANGE'
               WHEN q IS NULL THEN 'BAD_QUANTITY'
               WHEN u.is_count IS NULL THEN 'UNKNOWN_UNIT'
               WHEN q < 0 THEN 'NEGATIVE_QUANTITY'
               WHEN q = 0 THEN 'ZERO_QUANTITY'
               WHEN u.is_count AND q <> trunc(q) THEN 'BAD_QUANTITY'
               WHEN u.is_count AND q > ${MAX_DU} THEN 'IMPLAUSIBLE_QUANTITY'
               WHEN NOT u.is_count AND CAST(q * u.kg AS DECIMAL(22,9)) = 0 THEN 'ZERO_QUANTITY'
               WHEN NOT u.is_count AND q * u.kg > ${MAX_KG} THEN 'IMPLAUSIBLE_QUANTITY' END reason
        FROM p LEFT JOIN m_unit u ON u.x = p.unit;
      DROP TABLE s0;
      CREATE TEMP TABLE seiz AS
        SELECT 'seizure_events:' || trim(seizure_id) record_id, 'seizure_events' source_format, filename source_file,
          d event_date, fy(d) fiscal_year, 1 event_count, nz(substance) substance_raw, ms.name substance_name,
          ms.cls substance_class, ms.unlisted substance_unlisted,
          CASE WHEN coalesce(mf.value, 'UNKNOWN') = 'UNKNOWN' AND is_count THEN 'PILLS'
               ELSE coalesce(mf.value, 'UNKNOWN') END form,
          CASE WHEN NOT is_count THEN CAST(q * factor AS DECIMAL(22,9)) END quantity_kg,
          CASE WHEN is_count THEN CAST(q AS BIGINT) END dosage_units,
          mo.code origin_country, nz(origin_country) origin_country_raw,
          coalesce(mt.codes, []::VARCHAR[]) transit_countries, nz(transit_countries) transit_countries_raw,
          md.code destination_country, coalesce(mv.value, 'UNKNOWN') conveyance, coalesce(mr.value, 'UNKNOWN') region,
          upper(nz(agency)) agency, nz(location) location, st.code us_state, nz(shipment_id) shipment_id
        FROM s1 LEFT JOIN m_subst ms ON ms.x = s1.substance LEFT JOIN m_form mf ON mf.x = s1.form
          LEFT JOIN m_country mo ON mo.x = s1.origin_country LEFT JOIN m_country md ON md.x = s1.destination_country
          LEFT JOIN m_transit mt ON mt.x = s1.transit_countries LEFT JOIN m_conveyance mv ON mv.x = s1.conveyance
          LEFT JOIN m_region mr ON mr.x = s1.region LEFT JOIN m_state st ON st.x = s1.us_state
        WHERE reason IS NULL
        QUALIFY row_number() OVER (PARTITION BY trim(seizure_id) ORDER BY filename DESC) = 1;
      """;

  static final String SHIPMENTS =
      """
      CREATE TEMP TABLE h1 AS
        WITH p AS (SELECT *, pdate(arrival_date) d, pnum(gross_weight) gw,
                     pnum(CASE WHEN starts_with(trim(declared_value_usd), '$') THEN substr(trim(declared_value_usd), 2)
                               ELSE declared_value_usd END) dv, pnum(seized_quantity) sq FROM h0)
        SELECT p.*, wu.kg wfactor, su.kg sfactor, su.is_count s_is_count,
          CASE WHEN blank(shipment_id) OR blank(arrival_date) OR blank(origin_country) OR blank(mode) OR blank(description)
                 THEN 'MISSING_REQUIRED_VALUE'
               WHEN d IS NULL THEN 'BAD_DATE'
               WHEN d > DATE '${RUN_DATE}' THEN 'FUTURE_DATE'
               WHEN d < DATE '${EARLIEST}' THEN 'DATE_OUT_OF_RANGE'
               WHEN NOT blank(gross_weight) AND gw IS NULL THEN 'BAD_QUANTITY'
               WHEN NOT blank(gross_weight) AND coalesce(wu.is_count, true) THEN 'UNKNOWN_UNIT'
               WHEN gw < 0 THEN 'NEGATIVE_QUANTITY'
               WHEN NOT blank(declared_value_usd) AND (dv IS NULL OR dv < 0) THEN 'BAD_QUANTITY'
               WHEN NOT blank(seized_quantity) AND sq IS NULL THEN 'BAD_QUANTITY'
               WHEN NOT blank(seized_quantity) AND su.is_count IS NULL THEN 'UNKNOWN_UNIT'
               WHEN sq < 0 THEN 'NEGATIVE_QUANTITY'
               WHEN sq = 0 THEN 'ZERO_QUANTITY'
               WHEN su.is_count AND (sq <> trunc(sq) OR sq > ${MAX_DU}) THEN 'IMPLAUSIBLE_QUANTITY'
               WHEN NOT su.is_count AND sq * su.kg > ${MAX_KG} THEN 'IMPLAUSIBLE_QUANTITY' END reason
        FROM p LEFT JOIN m_unit wu ON wu.x = p.weight_unit LEFT JOIN m_unit su ON su.x = p.seized_unit;
      DROP TABLE h0;
      CREATE TEMP TABLE ship AS
        WITH x AS (SELECT h1.*, CASE WHEN regexp_full_match(trim(hs_code), '[0-9. -]+')
                                     THEN regexp_replace(hs_code, '[^0-9]', '', 'g') END hs_digits FROM h1
                   WHERE reason IS NULL)
        SELECT 'customs_shipments:' || trim(shipment_id) record_id, trim(shipment_id) shipment_id, filename source_file,
          d event_date, fy(d) fiscal_year, mo.code origin_country, nz(origin_country) origin_country_raw,
          me.code export_country, nz(export_country) export_country_raw,
          coalesce(mt.codes, []::VARCHAR[]) transit_countries, nz(transit_countries) transit_countries_raw,
          coalesce(mm.value, 'UNKNOWN') mode, nz(port_of_entry) port_of_entry, st.code destination_state,
          nz(description) description, CASE WHEN length(hs_digits) BETWEEN 4 AND 10 THEN hs_digits END hs_code,
          CASE WHEN ss.cls IS NOT NULL THEN 'SEIZED_DRUG'
               WHEN list_has_any([left(hs_digits, 6)], ['293333', '293334', '293336', '293337', '293492'])
                    OR mdesc.cls IN ('FENTANYL', 'FENTANYL_ANALOG', 'FENTANYL_PRECURSOR') THEN 'FENTANYL_PRECURSOR'
               WHEN regexp_matches(' ' || replace(lower(description), '-', ' ') || ' ', '${PRESS_PHRASES}') THEN 'PILL_PRESS'
               WHEN starts_with(coalesce(hs_digits, ''), '8479') AND regexp_matches(' ' || replace(lower(description), '-', ' ')
                    || ' ', ' (press|die|dies|punch|punches|mold|mould) ') THEN 'PILL_PRESS'
               ELSE 'OTHER' END goods_class,
          CAST(gw * wfactor AS DECIMAL(22,9)) gross_weight_kg, CAST(dv AS DECIMAL(18,2)) declared_value_usd,
          CASE WHEN NOT blank(shipper_name) THEN left(sha256('${KEY}' || trim(shipper_name)), 32) END shipper_id,
          CASE WHEN NOT blank(consignee_name) THEN left(sha256('${KEY}' || trim(consignee_name)), 32) END consignee_id,
          coalesce(mi.value, 'UNKNOWN') inspection_outcome, nz(seized_substance) seized_substance_raw,
          ss.name seized_substance_name, ss.cls substance_class,
          CASE WHEN NOT s_is_count THEN CAST(sq * sfactor AS DECIMAL(22,9)) END seized_quantity_kg,
          CASE WHEN s_is_count THEN CAST(sq AS BIGINT) END seized_dosage_units
        FROM x LEFT JOIN m_country mo ON mo.x = x.origin_country LEFT JOIN m_country me ON me.x = x.export_country
          LEFT JOIN m_transit mt ON mt.x = x.transit_countries LEFT JOIN m_conveyance mm ON mm.x = x.mode
          LEFT JOIN m_state st ON st.x = x.destination_state LEFT JOIN m_subst ss ON ss.x = x.seized_substance
          LEFT JOIN m_subst mdesc ON mdesc.x = x.description LEFT JOIN m_inspection mi ON mi.x = x.inspection_outcome
        QUALIFY row_number() OVER (PARTITION BY trim(shipment_id) ORDER BY filename DESC) = 1;
      """;

  static final String PRESS_PHRASES =
      "tablet press|pill press|tdp|rotary press|punch die|die set|tablet die|pill die"
          + "|tablet punch|pill punch|tableting|tabletting|pill maker|pill making|tablet machine|pill machine|press die"
          + "|press mold|press mould|single punch|pill press parts|tablet press parts";

  static final String WRITE =
      """
      COPY (
        WITH j AS (SELECT z.*, l.origin_country s_origin, l.export_country s_export, l.transit_countries s_transit
                   FROM seiz z LEFT JOIN ship l ON l.shipment_id = z.shipment_id),
        f AS (SELECT * EXCLUDE (s_origin, s_export, s_transit) REPLACE (
                       coalesce(origin_country, s_origin) AS origin_country,
                       CASE WHEN len(transit_countries) = 0 AND len(s_transit) > 0 THEN s_transit
                            ELSE transit_countries END AS transit_countries),
                s_export export_country,
                coalesce((origin_country IS NULL AND s_origin IS NOT NULL) OR s_export IS NOT NULL
                         OR (len(transit_countries) = 0 AND len(s_transit) > 0), false) enriched_from_shipment
              FROM j),
        r AS (SELECT f.*, ${ROUTE_SEIZURES} AS decision FROM f)
        SELECT * EXCLUDE (decision), decision.route route, decision.route_rule route_rule,
               decision.route_confidence route_confidence, strftime(event_date, '%Y-%m') event_month FROM r
      ) TO '${OUT}/seizures' (FORMAT parquet, PARTITION_BY (event_month), OVERWRITE_OR_IGNORE);
      COPY (
        SELECT * EXCLUDE (decision), decision.route route, decision.route_rule route_rule,
               decision.route_confidence route_confidence, strftime(event_date, '%Y-%m') event_month
        FROM (SELECT ship.*, ${ROUTE_SHIPMENTS} AS decision FROM ship)
      ) TO '${OUT}/shipments' (FORMAT parquet, PARTITION_BY (event_month), OVERWRITE_OR_IGNORE);
      COPY (
        SELECT filename source_file, NULL::BIGINT source_line, 'seizure_events' source_format, reason reason_code,
               concat_ws(',', seizure_id, seizure_date, substance, quantity, unit, agency, region, location, us_state,
                         conveyance, form, origin_country, transit_countries, destination_country, shipment_id) raw_line,
               '${RUN_ID}' run_id FROM s1 WHERE reason IS NOT NULL
        UNION ALL
        SELECT filename, NULL, 'customs_shipments', reason,
               concat_ws(',', shipment_id, arrival_date, origin_country, mode, description, export_country,
                         transit_countries, port_of_entry, destination_state, hs_code, gross_weight, weight_unit,
                         declared_value_usd, left(sha256('${KEY}' || trim(shipper_name)), 32),
                         left(sha256('${KEY}' || trim(consignee_name)), 32), inspection_outcome, seized_substance,
                         seized_quantity, seized_unit), '${RUN_ID}' FROM h1 WHERE reason IS NOT NULL
      ) TO '${OUT}/rejected/rejected.parquet' (FORMAT parquet);
      """;
}
