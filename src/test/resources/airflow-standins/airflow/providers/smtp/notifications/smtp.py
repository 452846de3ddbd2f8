"""Stand-in for airflow.providers.smtp.notifications.smtp: SmtpNotifier records what it would send."""
from __future__ import annotations

SENT: list[dict] = []


class SmtpNotifier:
    def __init__(self, to, from_email=None, smtp_conn_id="smtp_default", subject=None, html_content=None,
                 files=None, cc=None, bcc=None, mime_subtype="mixed", mime_charset="utf-8",
                 custom_headers=None, *, auth_type="basic", **kwargs):
        self.to, self.smtp_conn_id, self.subject, self.html_content = to, smtp_conn_id, subject, html_content

    def __call__(self, *args):
        # The real notifier renders its templated fields with the context, then sends one mail.
        SENT.append({"to": list(self.to) if not isinstance(self.to, str) else [self.to],
                     "smtp_conn_id": self.smtp_conn_id, "subject": self.subject})
