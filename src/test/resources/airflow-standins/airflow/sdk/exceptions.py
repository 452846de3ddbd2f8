"""Stand-in for airflow.sdk.exceptions (Airflow 3.3): the two exceptions a task raises to fail."""


class AirflowException(Exception):
    """Base class of Airflow's errors: a task that raises it is retried while tries remain."""


class AirflowFailException(AirflowException):
    """Raise when the task should be failed without retrying."""
