"""
fentrace nightly: ``fentrace run`` for the day each DAG run stands for, submitted with spark-submit.

One task, ``fentrace_run``: spark-submit of the application jar with ``org.fentrace.cli.Main run
--input LANDING --output WAREHOUSE --run-date {{ ds }} --config CONFIG``. The run date is the DAG run's
logical date, so a retry, a cleared task or a backfill re-runs exactly that date (runs are idempotent).

Exit codes (docs/operations.md) and what this DAG makes of them:

| exit | meaning                                                      | task outcome                       |
|------|--------------------------------------------------------------|------------------------------------|
| 0    | success                                                      | success                            |
| 1    | the run failed; readers still see the previous tables        | failed, retried (RETRIES x DELAY)  |
| 2    | usage or configuration error, found before any Spark work    | failed at once, no retry           |
| 3    | data-quality gate failed; everything that passed is written  | failed at once, no retry, message  |
|      |                                                              | "DATA-QUALITY GATE FAILED"         |

Exit 3 fails the task rather than soft-failing it: a retry cannot repair an input file, the published
tables are already valid (readers see them), and a red task is the alert nobody misses. The next night,
or clearing this task after the file is re-delivered, finishes the work.

Requirements: apache-airflow-providers-apache-spark (6.0 and later: with the ``[pyspark]`` extra), a
Spark connection ``SPARK_CONN_ID`` whose host is the master (``yarn``, ``spark://host:7077``,
``k8s://https://...``) and whose extras do not ask for cluster deploy mode, and spark-submit on the
worker's PATH (or ``spark_binary``). Exit codes only reach Airflow in **client** deploy mode, where the
driver is the spark-submit process; in cluster mode spark-submit reports the application's final state
only (see docs/operations.md).
"""
from __future__ import annotations

import logging
import re
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Deployment: change these, not the task below.
SPARK_CONN_ID = "spark_fentrace"
APPLICATION_JAR = "/opt/fentrace/lib/fentrace.jar"
MAIN_CLASS = "org.fentrace.cli.Main"
LANDING = "hdfs:///data/fentrace/landing"
WAREHOUSE = "hdfs:///data/fentrace/warehouse"
CONFIG = "/opt/fentrace/conf/fentrace.properties"
LOG_CONFIG = "/opt/fentrace/conf/log4j2.properties"
SCHEDULE = "30 2 * * *"  # 02:30 UTC: the day's deliveries have landed
RETRIES = 2
RETRY_DELAY = timedelta(minutes=20)

# fentrace's exit codes (contract section 1; `fentrace --help` lists them).
EXIT_SUCCESS = 0
EXIT_RUN_FAILED = 1
EXIT_USAGE = 2
EXIT_QUALITY_GATE = 3

# SparkSubmitHook's failure message: "Cannot execute: ... Error code is: N." and, on Kubernetes,
# "... Kubernetes spark exit code is: M" (the driver pod's code, which is fentrace's).
_K8S_EXIT_CODE = re.compile(r"Kubernetes spark exit code is: (\d+)")
_EXIT_CODE = re.compile(r"Error code is: (\d+)")
log = logging.getLogger(__name__)


def spark_submit_exit_code(error: BaseException) -> int | None:
    """fentrace's exit code as SparkSubmitHook reports it in its exception, if it does."""
    match = _K8S_EXIT_CODE.search(str(error)) or _EXIT_CODE.search(str(error))
    return int(match.group(1)) if match else None


class FentraceSubmitOperator(SparkSubmitOperator):
    """SparkSubmitOperator that turns fentrace's exit codes into task outcomes (table above)."""

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowFailException:
            raise
        except AirflowException as error:
            code = spark_submit_exit_code(error)
            run_date = context["ds"]
            if code == EXIT_USAGE:
                raise AirflowFailException(
                    f"fentrace run --run-date {run_date}: exit 2, usage or configuration error, found before "
                    f"Spark started; not retried. Fix the DAG's arguments or {CONFIG}, then clear this task."
                ) from error
            if code == EXIT_QUALITY_GATE:
                raise AirflowFailException(
                    f"fentrace run --run-date {run_date}: exit 3, DATA-QUALITY GATE FAILED (a landing file was "
                    f"skipped or its rejects passed fentrace.quality.max-reject-rate). Everything that passed is "
                    f"published and readers see it; the run manifest in {WAREHOUSE}/_runs/ names the files. "
                    f"Not retried: get the file re-delivered, then clear this task (or let the next night run)."
                ) from error
            log.warning("fentrace run --run-date %s: exit %s, the run failed; readers still see the previous "
                        "tables; Airflow retries it (%s retries, %s apart)", run_date, code, RETRIES, RETRY_DELAY)
            raise


with DAG(
    dag_id="fentrace_nightly",
    description="fentrace: ingest, normalize, attribute routes and trend the day's deliveries",
    schedule=SCHEDULE,
    start_date=pendulum.datetime(2026, 11, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,  # fentrace also locks the warehouse: a second run would exit 1
    default_args={
        "owner": "data-engineering",
        "retries": RETRIES,
        "retry_delay": RETRY_DELAY,
        "execution_timeout": timedelta(hours=6),
        "email_on_failure": True,
        "email_on_retry": False,
    },
    tags=["fentrace", "spark"],
    doc_md=__doc__,
) as dag:
    fentrace_run = FentraceSubmitOperator(
        task_id="fentrace_run",
        conn_id=SPARK_CONN_ID,
        application=APPLICATION_JAR,
        java_class=MAIN_CLASS,
        name="fentrace-nightly-{{ ds }}",
        application_args=[
            "run",
            "--input", LANDING,
            "--output", WAREHOUSE,
            "--run-date", "{{ ds }}",
            "--config", CONFIG,
        ],
        conf={
            "spark.submit.deployMode": "client",  # the driver's exit code is spark-submit's
            # -XX:TieredStopAtLevel=1 is FENTRACE_JVM_PROFILE=short (README, "Command line"): a night's
            # driver spends more CPU compiling Spark's planner than planning; full loads should drop it.
            # -XX:-DontCompileHugeMethods lets the JIT compile Spark's biggest generated stages (the
            # application adds it for the executors).
            "spark.driver.extraJavaOptions": f"-XX:TieredStopAtLevel=1 -XX:-DontCompileHugeMethods -Dlog4j2.configurationFile={LOG_CONFIG}",
            "spark.sql.session.timeZone": "UTC",
        },
        driver_memory="4g",
        executor_memory="4g",
    )
