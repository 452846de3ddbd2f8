package org.fentrace.bench;

/**
 * The fixed prose of {@code docs/benchmarks.md}: what each competitor does and how it is measured.
 */
final class BenchText {
  private BenchText() {}

  static final String METHOD =
      """
      ## What is measured

      `jobs/bench [--rows 1000000,5000000] [--runs N] [--work DIR] [--quick] [--no-nightly] [--no-full]
      [--parcel-rows 4000000 | --no-parcel] [--commit REV] [--duckdb-memory 4GB] [--wait-load L] [--out FILE]
      [--json FILE] [--fresh] [--no-split | --split-only]` does everything in one invocation: it builds fentrace (from the working tree, or from `git archive REV`
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
      - **Above 5,000,000 rows** (`--rows 50000000`, about 7 GB of CSV) only (b) and, when the disk
        holds three times the landing for its spill and output, (c) are measured: raw Spark's ratio
        has its targets at 1,000,000 and 5,000,000. Two figures compare the large load with the
        5,000,000-row one of the same invocation (so `--rows 5000000,50000000`): fentrace's wall time
        per row (target: at most 15% more) and its peak RSS against the JVM's default max heap
        (`-XX:+PrintFlagsFinal`, a quarter of the memory) plus a fixed 1 GiB for what a JVM holds
        beside its heap (target: at most that, whatever the rows).
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
      - **(e) a night at national parcel scale**: 12 months of history ending 2026-09-30 at the same
        daily rate, and one day file of ${PARCEL} `customs_shipments` lines (`generate --shipment-ratio
        100 --days 1 --chunks 1 --id-tag P20261001`, its seizure file left out of the delivery).
        Set-up as for (d); each run restores the warehouse, lands the file and measures the whole
        `fentrace run --run-date 2026-10-01` (ingest, attribution, aggregates, trends, report, default
        JVM profile). DuckDB normalizes that one file (a header-only seizure file stands in for the
        missing layout). Target: the night at most twice DuckDB's time.
      - **(f) one large file parsed in byte ranges** (sizes up to 5,000,000 rows): the generated
        seizure rows as one plain file, split size an eighth of the file, ingested by `fentrace
        ingest` on `local[1]`, on `local[1]` confined to one CPU (`taskset -c 0`: `local[1]` alone
        leaves the JVM's garbage collector and JIT compiler the second core), on `local[2]`, and on
        `local[2]` with split size 0 (the file read by one task); and the same rows generated as 20
        files on `local[2]`. Targets: `local[2]` at least 1.7 times as fast as `local[1]` on the one
        file, and the 20 files at most 10% faster than the one file.

      Wall time is measured around the whole process (JVM start-up included, the same for every JVM
      competitor); CPU time is the process's user + system seconds; peak memory is `/usr/bin/time -v`'s
      maximum resident set size, which for the JVMs includes heap, metaspace and off-heap buffers and for
      DuckDB its native memory. On a shared machine wall times stretch with the load; `--wait-load L`
      waits (up to 15 minutes) before each measurement for the 1-minute load average to fall below L.
      Raw measurements, logs and the run manifests stay in `WORK` (`results.tsv`, `logs/`).

      ## The record and how to reproduce each figure

      `docs/benchmarks.json` (format `fentrace-bench/1`) is what a machine reads: per invocation, its
      facts (`meta`: date, command, commit and jar sha256, CPU, memory, the JVM's default max heap,
      versions, load averages), every measurement (`scenario`, `size`, `competitor`, `run`, `rows`,
      `wall_s`, `cpu_s`, `peak_rss_kb`, `exit`, `load1`, and for fentrace `rows_read` and `steps_s`
      from its run manifest) and every ratio (`id`, `value`, `target`, `max`, `status`: met, missed,
      for reference, not measured). This page is rendered from it, and rewritten whole by every
      invocation: a measurement made by hand goes in `docs/benchmarks-journal.md`. An invocation on
      the same code as the previous one (the same commit with a clean `src/main`, or the same jar) is
      kept beside it, and the page shows both, *first / second*; `--fresh` drops the previous one.
      The last line
      `jobs/bench` prints is `bench ratios: met=N missed=N not_measured=N | id=value (target status) | ...`.

      | figure | command (run it twice for the side-by-side page) |
      |---|---|
      | b/a and b/c at 1,000,000 and 5,000,000 rows, nights | `jobs/bench --rows 1000000,5000000 --no-parcel --no-split --wait-load 3.5` |
      | time per row and peak RSS at 50,000,000 rows | `jobs/bench --rows 5000000,50000000 --no-nightly --no-parcel --wait-load 3.5` |
      | the parcel-scale night | `jobs/bench --no-full --no-nightly --parcel-rows 4000000 --rows 5000000 --wait-load 3.5` |
      | one large file in byte ranges | `jobs/bench --split-only --rows 5000000 --wait-load 3.5` |
      | a smoke test of the tooling | `jobs/bench --quick --work /tmp/bench-smoke --out /tmp/bench-smoke/b.md --json /tmp/bench-smoke/b.json` |

      `--rows` also sets the history's daily rate (the largest size over five years), so the parcel
      night given `--rows 5000000` has the history the published nights have.
      """;
}
