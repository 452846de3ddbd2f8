"""Loads a DAG file against the stand-in airflow modules beside this file and reports on it as JSON.

    python3 standin_runner.py DAG_FILE '{"action": "describe"}'
    python3 standin_runner.py DAG_FILE '{"action": "run", "scheduled_at": "2026-03-05T02:30:00+00:00"}'

A run takes one of: "scheduled_at" (the timetable's run for that cron time, as the scheduler creates it),
"manual_run_after" with an optional "logical_date" (a manual trigger: Airflow 3 gives a run triggered
without a logical date no data interval), or "data_interval": [start, end] (any run, e.g. a backfill's).
Optional: "conf" (the run's configuration, which overrides DAG params), "try_number" (default 1).
The task's state follows Airflow's rule: AirflowFailException fails it at once, any other exception puts
it up for retry while try_number <= retries and fails it after; on failure on_failure_callback runs.
"""
from __future__ import annotations

import datetime
import importlib.util
import json
import logging
import sys
import types

from airflow.providers.smtp.notifications import smtp
from airflow.sdk import TimeRestriction
from airflow.sdk.exceptions import AirflowException, AirflowFailException


def _time(text):
    return None if text is None else datetime.datetime.fromisoformat(text)


def _iso(moment):
    return None if moment is None else moment.isoformat()


def load(path):
    spec = importlib.util.spec_from_file_location("dag_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dags = [v for v in vars(module).values() if type(v).__name__ == "DAG"]
    if len(dags) != 1:
        raise SystemExit(f"{path}: expected one DAG, found {len(dags)}")
    return dags[0]


def describe(dag):
    tt = dag.timetable
    args = dag.default_args
    return {
        "dag_id": dag.dag_id,
        "timetable": {"class": type(tt).__name__, "cron": tt._expression, "timezone": tt._timezone,
                      "interval_seconds": tt._interval.total_seconds()},
        "catchup": dag.kwargs.get("catchup"),
        "max_active_runs": dag.kwargs.get("max_active_runs"),
        "start_date": _iso(dag.kwargs.get("start_date")),
        "params": dag.params,
        "tasks": sorted(dag.tasks),
        "default_args": sorted(args),
        "retries": args.get("retries"),
        "retry_delay_seconds": args["retry_delay"].total_seconds(),
        "execution_timeout_seconds": args["execution_timeout"].total_seconds(),
    }


def run(dag, request):
    [task] = dag.tasks.values()
    run_after, logical_date, interval = None, None, None
    if "scheduled_at" in request:
        info = dag.timetable.next_dagrun_info(
            last_automated_data_interval=None,
            restriction=TimeRestriction(_time(request["scheduled_at"]), None, True))
        run_after, logical_date, interval = info.run_after, info.logical_date, info.data_interval
    elif "manual_run_after" in request:
        run_after = _time(request["manual_run_after"])
        logical_date = _time(request.get("logical_date"))
        if logical_date is not None:
            interval = dag.timetable.infer_manual_data_interval(run_after=logical_date)
    else:
        start, end = map(_time, request["data_interval"])
        interval, logical_date, run_after = (start, end), start, end
    try_number = request.get("try_number", 1)
    run_id = "standin__" + (_iso(run_after) or "none")
    context = {
        "params": {**dag.params, **request.get("conf", {})},
        "logical_date": logical_date,
        "data_interval_start": interval[0] if interval else None,
        "data_interval_end": interval[1] if interval else None,
        "run_id": run_id,
        "dag_run": types.SimpleNamespace(run_id=run_id, run_after=run_after, logical_date=logical_date,
                                         conf=request.get("conf", {})),
        "ti": types.SimpleNamespace(dag_id=dag.dag_id, task_id=task.task_id, try_number=try_number),
    }
    report = {"logical_date": _iso(logical_date),
              "data_interval": [_iso(interval[0]), _iso(interval[1])] if interval else None}
    try:
        report["returned"] = task.call(context)
        report["state"] = "success"
    except AirflowException as e:
        report["error_type"], report["error"] = type(e).__name__, str(e)
        retry = not isinstance(e, AirflowFailException) and try_number <= task.retries
        report["state"] = "up_for_retry" if retry else "failed"
        callback = task.args.get("on_retry_callback" if retry else "on_failure_callback")
        if callback:
            callback({**context, "exception": e})
    report["mails"] = smtp.SENT
    return report


def main():
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(levelname)s %(message)s")
    dag = load(sys.argv[1])
    request = json.loads(sys.argv[2])
    result = describe(dag) if request["action"] == "describe" else run(dag, request)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
