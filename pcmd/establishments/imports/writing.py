"""Writing a checked plan (all or nothing, through the services) and the import jobs run by Celery."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, set_active_membership
from pcmd.core.services import Errors, add_error, raise_if, service
from pcmd.establishments.imports.checks import (
    ESTABLISHMENT_KEYS,
    MAX_ROWS,
    ImportPlan,
    PlannedRow,
    Progress,
    RowError,
    plan_import,
)
from pcmd.establishments.models import Establishment, ImportJob, StatusChangeSource
from pcmd.establishments.policies import can_manage_establishments
from pcmd.establishments.services.records import licence_add, licence_update
from pcmd.establishments.services.registry import (
    establishment_create,
    establishment_status_change,
    establishment_update,
)
from pcmd.establishments.spreadsheets import SheetError, read_sheet

MAX_FILE_MB = 5
IMPORT_FILE_TOO_LARGE = gettext_lazy("Tệp quá lớn (tối đa %(max)s MB).")
IMPORT_FILE_NOT_XLSX = gettext_lazy("Chỉ nhận tệp Excel .xlsx (tải tệp mẫu để nhập).")
IMPORT_MEMBERSHIP_GONE = gettext_lazy(
    "Phân công của người nhập không còn hiệu lực: không thể nhập trong phạm vi đã chọn."
)

# --- writing ------------------------------------------------------------------------------------------------


@service
def import_apply(
    *, actor: User, plan: ImportPlan, source_name: str, progress: Progress | None = None
) -> dict[str, int]:
    """Write a valid plan through the services, all or nothing. Returns how many rows were created,
    updated and left unchanged."""
    if not can_manage_establishments(actor):
        raise PermissionDenied
    if not plan.is_valid:
        raise ValueError("An import plan with errors is never applied.")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    reason = _("Cập nhật theo tệp Excel «%(file)s».") % {"file": source_name}
    for index, row in enumerate(plan.rows, start=1):
        try:
            _apply_row(actor, row, reason)
        except ValidationError as exc:
            # A rule the checks above missed: the transaction is rolled back, the row is reported.
            raise RowFailed(row.number, exc) from exc
        counts[row.outcome] += 1
        if progress:
            progress(index)
    return counts


class RowFailed(Exception):
    def __init__(self, row: int, error: ValidationError) -> None:
        super().__init__(row)
        self.row = row
        self.error = error

    def messages(self) -> list[RowError]:
        if hasattr(self.error, "error_dict"):
            return [
                RowError(self.row, field if field != "__all__" else "", message)
                for field, messages in self.error.message_dict.items()
                for message in messages
            ]
        return [RowError(self.row, "", message) for message in self.error.messages]


def _apply_row(actor: User, row: PlannedRow, reason: str) -> None:
    values = row.values
    if row.existing is None:
        licences = []
        if values["licence_number"]:
            licences.append(
                {
                    "kind": values["licence_kind"],
                    "number": values["licence_number"],
                    "issuer": values["licence_issuer"] or "",
                    "issued_on": values["licence_issued_on"],
                    "expires_on": values["licence_expires_on"],
                }
            )
        establishment_create(
            actor=actor,
            **{key: values[key] for key in ESTABLISHMENT_KEYS if values[key] is not None},
            status=values["status"] or Establishment.Status.OPERATING,
            licences=licences,
            confirm_duplicates=True,
            source=StatusChangeSource.IMPORT,
        )
        return
    establishment = Establishment.objects.get(pk=row.existing.pk)
    if row.changes:
        establishment = establishment_update(
            actor=actor,
            establishment=establishment,
            version=establishment.version,
            changes=row.changes,
            confirm_duplicates=True,
        )
    if row.status_change:
        establishment_status_change(
            actor=actor,
            establishment=establishment,
            to_status=row.status_change,
            reason=reason,
            source=StatusChangeSource.IMPORT,
        )
    if row.licence_action == "add":
        licence_add(
            actor=actor,
            establishment=establishment,
            kind=values["licence_kind"],
            number=values["licence_number"],
            issuer=values["licence_issuer"] or "",
            issued_on=values["licence_issued_on"],
            expires_on=values["licence_expires_on"],
            confirm_duplicates=True,
        )
    elif row.licence_action == "update" and row.licence is not None:
        licence_update(actor=actor, licence=row.licence, changes=row.licence_changes, confirm_duplicates=True)


# --- jobs ---------------------------------------------------------------------------------------------------


def progress_key(job: ImportJob) -> str:
    return f"establishments:import:{job.pk}:written"


def import_job_progress(job: ImportJob) -> int:
    """Rows done in the current phase. While writing, the count lives in the cache: the job row itself is
    only updated when the write transaction commits."""
    if job.status == ImportJob.Status.RUNNING:
        return min(int(cache.get(progress_key(job), job.rows_done)), job.rows_total)
    return job.rows_done


@service
def import_job_start(*, actor: User, file: UploadedFile) -> ImportJob:
    """Store the uploaded file and queue its import (run after this transaction commits)."""
    if not can_manage_establishments(actor):
        raise PermissionDenied
    errors: Errors = {}
    name = file.name or "import.xlsx"
    if file.size and file.size > MAX_FILE_MB * 1024 * 1024:
        add_error(errors, "file", IMPORT_FILE_TOO_LARGE, "too_large", max=MAX_FILE_MB)
    elif not name.lower().endswith(".xlsx") or not file.read(4).startswith(b"PK\x03\x04"):
        add_error(errors, "file", IMPORT_FILE_NOT_XLSX, "not_xlsx")
    file.seek(0)
    raise_if(errors)
    job = ImportJob.objects.create(
        file=file, original_name=name[-255:], created_by=actor, membership=active_membership(actor)
    )
    from pcmd.establishments.tasks import establishment_import_run

    transaction.on_commit(lambda: establishment_import_run.delay(job.pk))
    return job


def _finish(job: ImportJob, status: str, result: dict[str, Any]) -> None:
    job.status = status
    job.result = result
    job.finished_at = timezone.now()
    if status == ImportJob.Status.DONE:
        job.rows_done = job.rows_total
    job.save(update_fields=["status", "result", "finished_at", "rows_done", "updated_at"])


def import_job_run(job_id: int) -> None:
    """The task body: read, check, then write. A job already started (a redelivered task) is left alone."""
    started = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.PENDING).update(
        status=ImportJob.Status.VALIDATING, updated_at=timezone.now()
    )
    if not started:
        return
    job = ImportJob.objects.select_related("created_by", "membership").get(pk=job_id)
    user = job.created_by
    membership = job.membership
    if membership is None or not membership.is_active or membership.user_id != user.pk:
        _finish(
            job,
            ImportJob.Status.FAILED,
            {"errors": [RowError(None, "", str(IMPORT_MEMBERSHIP_GONE)).as_dict()]},
        )
        return
    set_active_membership(user, membership)
    try:
        with job.file.open("rb") as handle:
            rows = read_sheet(handle, max_rows=MAX_ROWS)
    except SheetError as exc:
        _finish(job, ImportJob.Status.FAILED, {"errors": [RowError(None, "", str(exc)).as_dict()]})
        return
    job.rows_total = len(rows)
    job.save(update_fields=["rows_total", "updated_at"])

    def validated(done: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done)

    plan = plan_import(user, rows, progress=validated)
    if not plan.is_valid:
        _finish(job, ImportJob.Status.FAILED, {"errors": [error.as_dict() for error in plan.errors]})
        return
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, rows_done=0)
    job.status = ImportJob.Status.RUNNING
    key = progress_key(job)
    try:
        counts = import_apply(
            actor=user,
            plan=plan,
            source_name=job.original_name,
            progress=lambda done: cache.set(key, done, timeout=3600),
        )
    except RowFailed as exc:
        _finish(job, ImportJob.Status.FAILED, {"errors": [error.as_dict() for error in exc.messages()]})
        return
    finally:
        cache.delete(key)
    _finish(job, ImportJob.Status.DONE, {"errors": [], **counts})


def import_file_now(
    *, actor: User, file: Any, source_name: str = ""
) -> tuple[ImportPlan, dict[str, int] | None]:
    """Check and (when valid) write a file in the caller's request, without a job: for commands and tests.
    Raises SheetError for a file that is not the establishment sheet."""
    if not can_manage_establishments(actor):
        raise PermissionDenied
    rows = read_sheet(file, max_rows=MAX_ROWS)
    plan = plan_import(actor, rows)
    if not plan.is_valid:
        return plan, None
    return plan, import_apply(actor=actor, plan=plan, source_name=source_name or getattr(file, "name", ""))
