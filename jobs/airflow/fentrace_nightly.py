"""
fentrace nightly (Airflow 3): ``fentrace run`` for the night each DAG run stands for, through the launcher.

One task, ``fentrace_run``, starts the launcher (``bin/fentrace`` of the release, or ``jobs/fentrace`` of a
source checkout) as the cron example in ``jobs/cron/fentrace.cron`` does::

    LAUNCHER run --input LANDING --output WAREHOUSE --run-date NIGHT --config CONFIG [--master MASTER]

The launcher submits with ``$SPARK_HOME/bin/spark-submit`` when SPARK_HOME is set (the master then decides
where Spark runs: ``yarn``, ``spark://host:7077``, ``k8s://...``) and runs embedded Spark otherwise; in both
cases the driver is its child, so fentrace's exit code is the launcher's.

Which night
-----------
The schedule is a ``CronTriggerTimetable`` at 02:30 UTC whose data interval is the day before the trigger:
the run that starts at 2026-03-05 02:30 UTC has the data interval 2026-03-04 02:30 -> 2026-03-05 02:30 and
processes **2026-03-04**, the first day of its data interval. That is the night the cron example processes
when it fires at the same minute (``date -u -d yesterday``). The night is taken from the data interval, not
from ``ds``: with a plain cron string Airflow 3 gives a run an empty data interval whose logical date
is the trigger time, so ``ds`` would be the day the run starts, whose deliveries are still arriving.
Retries, cleared tasks and backfill runs keep their data interval, so they re-run exactly that night
(fentrace's runs are idempotent). A run without a data interval (Airflow 3 lets a manual trigger leave out
the logical date) processes the day before it was started, as cron would. The ``night`` parameter
(YYYY-MM-DD; trigger with ``{"night": "2026-03-04"}`` as the run's configuration) overrides all of this.

Settings (Airflow Variables, read when the task runs; the defaults are the release layout)
-----------------------------------------------------------------------------------------
| Variable               | default                                   | what                                  |
|------------------------|-------------------------------------------|---------------------------------------|
| fentrace_launcher      | /opt/fentrace/bin/fentrace                | the launcher to start                 |
| fentrace_landing       | hdfs:///data/fentrace/landing             | ``--input``                           |
| fentrace_warehouse     | hdfs:///data/fentrace/warehouse           | ``--output``                          |
| fentrace_config        | /opt/fentrace/conf/fentrace.properties    | ``--config``                          |
| fentrace_master        | (none: the launcher's default)            | ``--master``                          |
| fentrace_spark_home    | (none: the worker's environment)          | SPARK_HOME for the launcher           |
| fentrace_jvm_profile   | short                                     | FENTRACE_JVM_PROFILE (auto/short/batch)|
| fentrace_alert_emails  | (none: no failure mail)                   | comma-separated failure recipients    |
| fentrace_smtp_conn_id  | smtp_default                              | SMTP connection for those mails       |

Exit codes and what this DAG makes of them
------------------------------------------
| exit | meaning                                                      | task outcome                       |
|------|--------------------------------------------------------------|------------------------------------|
| 0    | success                                                      | success                            |
| 1    | the run failed; readers still see the previous tables        | failed, retried (RETRIES x DELAY)  |
| 2    | usage or configuration error, found before any Spark work    | failed at once, no retry           |
| 3    | data-quality gate failed; everything that passed is written  | failed at once, no retry, message  |
|      |                                                              | "DATA-QUALITY GATE FAILED"         |

Exit 3 fails the task rather than soft-failing it: a retry cannot repair an input file, the published
tables are already valid (readers see them), and a red task is the alert nobody misses. A launcher that
cannot be started is a configuration error too (no retry); any other exit, or a signal, is retried.
"""
from __future__ import annotations

import datetime
import html
import logging
import os
import signal
import subprocess

from airflow.sdk import DAG, Param, Variable, task

# Written against Airflow 3.3; the fallbacks are where Airflow 3.0 keeps the same classes.
try:
    from airflow.sdk import CronTriggerTimetable
except ImportError:
    from airflow.timetables.trigger import CronTriggerTimetable
try:
    from airflow.sdk.exceptions import AirflowException, AirflowFailException
except ImportError:
    from airflow.exceptions import AirflowException, AirflowFailException

DAG_ID = "fentrace_nightly"
# 02:30 UTC: the day's deliveries have landed. The cron example fires at the same minute.
SCHEDULE_CRON = "30 2 * * *"
SCHEDULE_TIMEZONE = "UTC"
DATA_INTERVAL = datetime.timedelta(days=1)
RETRIES = 2
RETRY_DELAY = datetime.timedelta(minutes=20)
EXECUTION_TIMEOUT = datetime.timedelta(hours=6)

# Variables and their defaults (table above).
DEFAULTS = {
    "fentrace_launcher": "/opt/fentrace/bin/fentrace",
    "fentrace_landing": "hdfs:///data/fentrace/landing",
    "fentrace_warehouse": "hdfs:///data/fentrace/warehouse",
    "fentrace_config": "/opt/fentrace/conf/fentrace.properties",
    "fentrace_master": "",
    "fentrace_spark_home": "",
    "fentrace_jvm_profile": "short",
    "fentrace_alert_emails": "",
    "fentrace_smtp_conn_id": "smtp_default",
}

# fentrace's exit codes (docs/contract.md; `fentrace --help` lists them).
EXIT_SUCCESS = 0
EXIT_RUN_FAILED = 1
EXIT_USAGE = 2
EXIT_QUALITY_GATE = 3

log = logging.getLogger(__name__)


def setting(name: str) -> str:
    """The Variable ``name``, or its documented default; surrounding blanks are dropped."""
    return str(Variable.get(name, default=DEFAULTS[name]) or "").strip()


def night_to_process(params: dict | None, data_interval_start, run_after) -> tuple[str, str]:
    """The night (YYYY-MM-DD, UTC) a run processes, and where it came from (for the log)."""
    explicit = (params or {}).get("night")
    if explicit:
        try:
            return datetime.date.fromisoformat(str(explicit)).isoformat(), "the night parameter"
        except ValueError:
            raise AirflowFailException(f"night parameter '{explicit}' is not a date (YYYY-MM-DD)") from None
    if data_interval_start is not None:
        # The first day of the data interval, read in UTC like fentrace's run dates and cron's `date -u`.
        return _utc(data_interval_start).date().isoformat(), "the first day of the data interval"
    if run_after is not None:
        return (_utc(run_after).date() - datetime.timedelta(days=1)).isoformat(), "the day before the run started"
    raise AirflowFailException("no night parameter, data interval or run time: trigger with a logical date, "
                               "or with {\"night\": \"YYYY-MM-DD\"}")


def _utc(moment) -> datetime.datetime:
    if moment.tzinfo is None:
        raise AirflowFailException(f"{moment} has no time zone; Airflow's dates always carry one")
    return moment.astimezone(datetime.timezone.utc)


def launcher_command(night: str) -> list[str]:
    """The launcher's command line for ``night``; the cron example's, with the Variables' values."""
    command = [
        setting("fentrace_launcher"), "run",
        "--input", setting("fentrace_landing"),
        "--output", setting("fentrace_warehouse"),
        "--run-date", night,
        "--config", setting("fentrace_config"),
    ]
    master = setting("fentrace_master")
    if master:
        command += ["--master", master]
    return command


def launcher_environment() -> dict[str, str]:
    """The worker's environment plus the JVM profile and, when set, SPARK_HOME."""
    env = dict(os.environ)
    env["FENTRACE_JVM_PROFILE"] = setting("fentrace_jvm_profile")
    spark_home = setting("fentrace_spark_home")
    if spark_home:
        env["SPARK_HOME"] = spark_home
    return env


def outcome(exit_code: int, night: str) -> None:
    """Turns the launcher's exit code into the task's outcome (table above): returns on success, raises
    AirflowFailException (failed, no retry) or AirflowException (failed, retried while tries remain)."""
    run = f"fentrace run --run-date {night}"
    if exit_code == EXIT_SUCCESS:
        return
    if exit_code == EXIT_USAGE:
        raise AirflowFailException(
            f"{run}: exit 2, usage or configuration error, found before Spark started; not retried. Fix the "
            f"fentrace_* Variables or {setting('fentrace_config')}, then clear this task.")
    if exit_code == EXIT_QUALITY_GATE:
        raise AirflowFailException(
            f"{run}: exit 3, DATA-QUALITY GATE FAILED (a landing file was skipped or its rejects passed "
            f"fentrace.quality.max-reject-rate). Everything that passed is published and readers see it; the "
            f"run manifest in {setting('fentrace_warehouse')}/_runs/ names the files. Not retried: get the file "
            f"re-delivered, then clear this task (or let the next night run).")
    if exit_code == EXIT_RUN_FAILED:
        raise AirflowException(
            f"{run}: exit 1, the run failed; readers still see the previous tables. Airflow retries it "
            f"({RETRIES} retries, {RETRY_DELAY} apart).")
    if exit_code < 0:
        raise AirflowException(f"{run}: the launcher was killed by signal {-exit_code}; retried.")
    raise AirflowException(f"{run}: unexpected exit {exit_code}; retried. See the log above.")


def run_launcher(command: list[str], env: dict[str, str]) -> int:
    """Starts the launcher in its own process group, copies its output to the task log, and returns its exit
    code. If the task is stopped (timeout, mark failed, SIGTERM) the whole group goes with it: a Spark
    driver left behind would keep fentrace's warehouse lock."""
    log.info("starting: %s", subprocess.list2cmdline(command))
    try:
        child = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
    except OSError as e:
        raise AirflowFailException(f"cannot start the launcher {command[0]}: {e}; set the fentrace_launcher "
                                   f"Variable to bin/fentrace of an unpacked release") from e
    try:
        for line in child.stdout:
            log.info("%s", line.rstrip("\n"))
        return child.wait()
    except BaseException:
        _stop_group(child)
        raise


def _stop_group(child: subprocess.Popen) -> None:
    """SIGTERM to the launcher's process group (spark-submit stops its application on it), SIGKILL to
    whatever is left a minute later."""
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=60)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def notify_failure(context) -> None:
    """on_failure_callback: mails the recipients in fentrace_alert_emails; none set, no mail."""
    recipients = [r.strip() for r in setting("fentrace_alert_emails").split(",") if r.strip()]
    if not recipients:
        log.info("fentrace_alert_emails is not set: no failure mail")
        return
    from airflow.providers.smtp.notifications.smtp import SmtpNotifier

    ti = context["ti"]
    SmtpNotifier(
        to=recipients,
        smtp_conn_id=setting("fentrace_smtp_conn_id"),
        subject=f"[fentrace] {ti.dag_id}.{ti.task_id} failed ({context['run_id']})",
        html_content=f"<p>{ti.dag_id}.{ti.task_id} failed: {html.escape(str(context.get('exception')))}</p>"
                     f"<p>Try {ti.try_number}; the task log has the launcher's output.</p>",
    )(context)


with DAG(
    dag_id=DAG_ID,
    description="fentrace: ingest, normalize, attribute routes and trend the previous day's deliveries",
    schedule=CronTriggerTimetable(SCHEDULE_CRON, timezone=SCHEDULE_TIMEZONE, interval=DATA_INTERVAL),
    start_date=datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc),
    catchup=False,
    max_active_runs=1,  # fentrace also locks the warehouse: a second run would exit 1
    params={
        "night": Param(None, type=["null", "string"], format="date",
                       description="YYYY-MM-DD: process this night instead of the data interval's first day"),
    },
    default_args={
        "owner": "data-engineering",
        "retries": RETRIES,
        "retry_delay": RETRY_DELAY,
        "execution_timeout": EXECUTION_TIMEOUT,
        "on_failure_callback": notify_failure,
    },
    tags=["fentrace", "spark"],
    doc_md=__doc__,
) as dag:

    @task(task_id="fentrace_run")
    def fentrace_run(params=None, data_interval_start=None, dag_run=None) -> str:
        """Runs the launcher for this run's night; returns the night (an XCom for downstream tasks)."""
        night, source = night_to_process(params, data_interval_start, getattr(dag_run, "run_after", None))
        log.info("night %s (%s)", night, source)
        outcome(run_launcher(launcher_command(night), launcher_environment()), night)
        return night

    fentrace_run()
