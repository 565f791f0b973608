"""Excel import of establishments: the whole file is checked first, then written in one transaction.

Each row is matched to a registered establishment by its registry code, else by a licence number already
recorded, else by the same normalised name and address in the same commune; a matched row updates only what
differs (an empty cell keeps the old value), so importing the same file twice changes nothing. A row that
matches nothing registers a new establishment.

The work runs as a Celery task (pcmd.establishments.tasks); the ImportJob row carries its progress and the
per-row Vietnamese error report.
"""

from pcmd.establishments.imports.checks import MAX_ROWS, ImportPlan, PlannedRow, RowError, plan_import
from pcmd.establishments.imports.writing import (
    MAX_FILE_MB,
    RowFailed,
    import_apply,
    import_file_now,
    import_job_progress,
    import_job_run,
    import_job_start,
)

__all__ = [
    "MAX_FILE_MB",
    "MAX_ROWS",
    "ImportPlan",
    "PlannedRow",
    "RowError",
    "RowFailed",
    "import_apply",
    "import_file_now",
    "import_job_progress",
    "import_job_run",
    "import_job_start",
    "plan_import",
]
