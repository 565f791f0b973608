"""Background tasks that belong to no domain. In production they run on a Celery worker (Redis broker);
in the embedded default and tests CELERY_TASK_ALWAYS_EAGER runs the same function in-process."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(subject: str, body: str, to: list[str], html_body: str | None = None) -> int:
    """Send one e-mail; a mail server that is down is retried with backoff instead of failing the request."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    return message.send()
