"""Stand-in for airflow.sdk (Airflow 3.3, Task SDK 1.3): only what fentrace's DAG uses (see README.md)."""
from __future__ import annotations

import datetime
import functools
import inspect
import os
import re
from typing import Any, NamedTuple

__all__ = ["DAG", "CronTriggerTimetable", "Param", "Variable", "task"]

NOTSET = object()

# Keyword arguments of airflow.sdk.DAG (Airflow 3.3).
_DAG_ARGS = {
    "dag_id", "description", "schedule", "start_date", "end_date", "template_searchpath", "template_undefined",
    "user_defined_macros", "user_defined_filters", "default_args", "max_active_tasks", "max_active_runs",
    "max_consecutive_failed_dag_runs", "dagrun_timeout", "catchup", "on_success_callback",
    "on_failure_callback", "doc_md", "params", "access_control", "is_paused_upon_creation",
    "jinja_environment_kwargs", "render_template_as_native_obj", "tags", "owner_links", "auto_register",
    "fail_fast", "dag_display_name", "disable_bundle_versioning", "deadline",
}
# Keyword arguments of airflow.sdk.BaseOperator that default_args and @task(...) may set.
_OPERATOR_ARGS = {
    "task_id", "owner", "email", "email_on_retry", "email_on_failure", "retries", "retry_delay",
    "retry_exponential_backoff", "max_retry_delay", "start_date", "end_date", "depends_on_past",
    "ignore_first_depends_on_past", "wait_for_past_depends_before_skipping", "wait_for_downstream", "dag",
    "params", "default_args", "priority_weight", "weight_rule", "queue", "pool", "pool_slots",
    "execution_timeout", "on_execute_callback", "on_failure_callback", "on_success_callback",
    "on_retry_callback", "on_skipped_callback", "pre_execute", "post_execute", "trigger_rule", "resources",
    "run_as_user", "map_index_template", "max_active_tis_per_dag", "max_active_tis_per_dagrun",
    "executor", "executor_config", "do_xcom_push", "multiple_outputs", "inlets", "outlets", "task_group",
    "doc", "doc_md", "doc_json", "doc_yaml", "doc_rst", "task_display_name", "logger_name",
    "allow_nested_operators", "retry_policy",
}
_CURRENT_DAG: list[DAG] = []


def _reject_unknown(kind: str, given, known) -> None:
    unknown = sorted(set(given) - known)
    if unknown:
        raise TypeError(f"{kind} got unexpected keyword argument(s) {unknown}")


class DataInterval(NamedTuple):
    start: datetime.datetime
    end: datetime.datetime


class DagRunInfo(NamedTuple):
    run_after: datetime.datetime
    data_interval: DataInterval

    @classmethod
    def interval(cls, start, end) -> DagRunInfo:
        return cls(run_after=end, data_interval=DataInterval(start, end))

    @property
    def logical_date(self) -> datetime.datetime:
        return self.data_interval.start


class TimeRestriction(NamedTuple):
    earliest: datetime.datetime | None
    latest: datetime.datetime | None
    catchup: bool


class CronTriggerTimetable:
    """Fires at cron times; a run's data interval ends at its trigger time and is ``interval`` long."""

    def __init__(self, cron: str, *, timezone, interval=datetime.timedelta(), run_immediately=False):
        match = re.fullmatch(r"(\d{1,2}) (\d{1,2}) \* \* \*", cron)
        if not match:
            raise NotImplementedError(f"the stand-in supports daily crons 'M H * * *' only, not '{cron}'")
        if str(timezone) != "UTC":
            raise NotImplementedError("the stand-in supports timezone='UTC' only")
        self._expression, self._timezone, self._interval = cron, str(timezone), interval
        self._run_immediately = run_immediately
        self._minute, self._hour = int(match.group(1)), int(match.group(2))

    def _align_to_next(self, current: datetime.datetime) -> datetime.datetime:
        current = current.astimezone(datetime.timezone.utc)
        fire = current.replace(hour=self._hour, minute=self._minute, second=0, microsecond=0)
        return fire if fire >= current else fire + datetime.timedelta(days=1)

    def infer_manual_data_interval(self, *, run_after: datetime.datetime) -> DataInterval:
        return DataInterval(run_after - self._interval, run_after)

    def next_dagrun_info(self, *, last_automated_data_interval, restriction: TimeRestriction):
        """The catch-up path of the real method: the first cron time at or after ``earliest``."""
        if last_automated_data_interval is not None:
            next_start = self._align_to_next(last_automated_data_interval.end + datetime.timedelta(seconds=1))
        else:
            next_start = self._align_to_next(restriction.earliest)
        if restriction.latest is not None and restriction.latest < next_start:
            return None
        return DagRunInfo.interval(next_start - self._interval, next_start)


class Param:
    def __init__(self, default: Any = NOTSET, description: str | None = None, **kwargs):
        self.value, self.description, self.schema = default, description, kwargs


class Variable:
    @staticmethod
    def get(key: str, default: Any = NOTSET, deserialize_json: bool = False):
        value = os.environ.get("AIRFLOW_VAR_" + key.upper())
        if value is not None:
            if deserialize_json:
                import json

                return json.loads(value)
            return value
        if default is NOTSET:
            raise KeyError(f"Variable {key} does not exist")
        return default


class DAG:
    def __init__(self, dag_id: str, **kwargs):
        _reject_unknown("DAG", kwargs, _DAG_ARGS)
        _reject_unknown("default_args", (kwargs.get("default_args") or {}), _OPERATOR_ARGS)
        self.dag_id, self.kwargs, self.tasks = dag_id, kwargs, {}
        self.timetable = kwargs.get("schedule")
        self.default_args = dict(kwargs.get("default_args") or {})
        self.params = {k: (p.value if isinstance(p, Param) else p) for k, p in (kwargs.get("params") or {}).items()}

    def __enter__(self):
        _CURRENT_DAG.append(self)
        return self

    def __exit__(self, *exc):
        _CURRENT_DAG.pop()
        return False


class Task:
    """What the DAG holds for a @task call: the function and the operator arguments it runs with."""

    def __init__(self, function, dag: DAG, op_args, op_kwargs, task_kwargs):
        self.function, self.dag, self.op_args, self.op_kwargs = function, dag, op_args, op_kwargs
        self.args = {**dag.default_args, **task_kwargs}
        self.task_id = self.args.pop("task_id", function.__name__)
        self.retries = self.args.get("retries", 0)

    def call(self, context: dict):
        """Calls the function with the context values its parameters are named after."""
        names = inspect.signature(self.function).parameters
        kwargs = {k: v for k, v in context.items() if k in names and k not in self.op_kwargs}
        return self.function(*self.op_args, **self.op_kwargs, **kwargs)


class _TaskDecorator:
    def __init__(self, function, task_kwargs):
        _reject_unknown("@task", task_kwargs, _OPERATOR_ARGS)
        self.function, self.task_kwargs = function, task_kwargs
        functools.update_wrapper(self, function)

    def __call__(self, *args, **kwargs):
        if not _CURRENT_DAG:
            raise RuntimeError("a @task is called inside a DAG block")
        dag = _CURRENT_DAG[-1]
        t = Task(self.function, dag, args, kwargs, self.task_kwargs)
        if t.task_id in dag.tasks:
            raise ValueError(f"duplicate task_id {t.task_id}")
        dag.tasks[t.task_id] = t
        return t


def task(python_callable=None, **kwargs):
    if python_callable is not None:
        return _TaskDecorator(python_callable, kwargs)
    return lambda f: _TaskDecorator(f, kwargs)
