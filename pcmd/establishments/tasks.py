"""Background work of the establishments app. In production a Celery worker runs it; in the embedded default
and the tests CELERY_TASK_ALWAYS_EAGER runs the same function in-process."""

from __future__ import annotations

from celery import shared_task

from pcmd.establishments.imports import import_job_run


@shared_task
def establishment_import_run(job_id: int) -> None:
    """Check and write one Excel import (pcmd.establishments.imports.import_job_run)."""
    import_job_run(job_id)
