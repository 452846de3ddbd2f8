package org.fentrace.bench;

/**
 * The fixed prose of {@code docs/benchmarks.md}: what each competitor does and how it is measured.
 */
final class BenchText {
  private BenchText() {}

  static final String METHOD =
      """
      ## What is measured

      `jobs/bench [--rows 1000000,5000000] [--runs N] [--work DIR] [--quick] [--no-nightly] [--no-full] [--commit REV]
      [--duckdb-memory 4GB] [--wait-load L] [--out FILE]` does everything in one invocation: it builds fentrace (from the working tree, or from `git archive REV`
      with `--commit`), freezes the jar and classpaths in `WORK/app` so that edits to the tree during the
      run cannot trigger a rebuild inside a measurement, compiles the benchmark mains
      (`src/test/java/org/fentrace/bench`, never run by `mvn test`), generates the data with
      `fentrace generate --seed 7` (kept in `WORK/data` and reused by later invocations), and measures.
      Default runs: 3 below 5,000,000 rows, 1 from 5,000,000, and 3 for every night (`--runs N` sets them
      all); the figure is
      the median. `--quick` is a smoke test (200,000 rows, small histories, 1 run).

      Both Spark competitors start the way `jobs/fentrace` starts for a user after its first run of a
      build: the JVM maps the classes a run loads from a class-data-sharing archive (`-XX:SharedArchiveFile`,
      one archive per competitor, written by a 20,000-row training run before any measurement), instead of
      loading and verifying some 15,000 classes from the jars.

      For each size the landing files are read once (`cat > /dev/null`) to warm the page cache, then each
      run measures the three competitors one after another on the same files, each starting from an
      empty output folder:

      - **(a) raw Spark**: `org.fentrace.bench.RawSparkIngest`, `local[2]`: `spark.read.schema(...)` with
        every column a string (no inference), Spark's default CSV options, `event_month` derived from the
        date in the three accepted layouts, `repartition(event_month)` then `partitionBy(event_month)`
        Parquet, for the seizure files and the shipment files. Nothing else: no validation, no
        dictionaries, no revisions, no quarantine. Spark's default CSV reader splits files at byte
        offsets, so the few values with a quoted line break are mis-read: this is a floor, not a reader
        that would pass fentrace's tests.
      - **(b) fentrace**: `fentrace ingest --master local[2]` (embedded Spark, default driver memory,
        the default JVM profile, `auto`, which gives landings of 64 MB and more the full JIT, the frozen jar
        run by a copy of `jobs/fentrace`): header recognition, parsing with physical
        line numbers, normalization, quarantine, revisions, route attribution, staged publish, manifest.
      - **(c) DuckDB**: `org.fentrace.bench.DuckDbIngest`, duckdb_jdbc, `threads = 2`, a memory limit,
        spilling to a temporary folder: the same normalization in SQL. fentrace's dictionaries are
        exported from the Java classes into tables (`SubstanceDictionary.entriesAsCsvLookupRows()`,
        `CountryNormalizer.toAlpha2` over every JDK and curated country spelling, `MassUnit` factors,
        the conveyance/form/region/inspection spellings and keywords, `UsStates`) and joined once per
        distinct raw value; dates in three layouts, numbers with thousands commas, the exact unit
        factors, the same reject reasons in the same order, newest delivery per id, seizures enriched
        from their linked shipment, routes from the same rule file compiled to one `CASE`, the same
        partitioning (`COPY ... (FORMAT parquet, PARTITION_BY (event_month))`). On a 20,000-row landing
        its tables agree with fentrace's on row counts and on the distribution of every class, route,
        country, vocabulary and unit column (checked by hand when the benchmark was written). It is
        lighter than fentrace where SQL has no counterpart: no physical line numbers (duplicates inside
        one file keep an arbitrary row), shorter substance phrase scanning, no "the"/"republic of" retry
        for countries, SHA-256 instead of HMAC-SHA-256 for party ids, no per-file accounting or manifest.
      - **(d) nightly increment**: two landings, 3 and 36 months of history ending 2026-09-30, generated
        at ${DAILY} seizure rows a day (the daily rate of the largest `--rows` over fentrace's default
        five years; `--shipment-ratio 0.35` everywhere), and one new day file (2026-10-01, same rate,
        `generate --id-tag N20261001` so that its ids never reuse a history id: the night adds records).
        Set-up, not measured: `fentrace run` over the history (`--run-date 2026-09-30`), warehouse
        copied aside. Each run: the warehouse is restored from that copy, the day file is copied into
        the landing (a new delivery), and `fentrace run --run-date 2026-10-01` (ingest, trends, report)
        is measured: it reads only the new files, rewrites only the month they touch, and updates the
        monthly aggregates trends and the report are computed from. The same run every time, for both
        histories, twice: with the default JVM profile (`auto`: for a landing with under 64 MB of files
        newer than the ledger, as on a night, `jobs/fentrace` stops the JIT at C1,
        `-XX:TieredStopAtLevel=1`, because a night's few thousand rows cost less CPU than compiling the
        code that processes them), and with `FENTRACE_JVM_PROFILE=batch` (the JVM's full tiered JIT, as
        a full load gets) for comparison. DuckDB rebuilds everything from the full landing (history and
        new day).

      Wall time is measured around the whole process (JVM start-up included, the same for every JVM
      competitor); CPU time is the process's user + system seconds; peak memory is `/usr/bin/time -v`'s
      maximum resident set size, which for the JVMs includes heap, metaspace and off-heap buffers and for
      DuckDB its native memory. On a shared machine wall times stretch with the load; `--wait-load L`
      waits (up to 15 minutes) before each measurement for the 1-minute load average to fall below L.
      Raw measurements, logs and the run manifests stay in `WORK` (`results.tsv`, `logs/`).
      """;
}
