"""The inspections app's contribution to an establishment's risk level (pcmd.establishments.risk): open
violations make it high. Registered in InspectionsConfig.ready()."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import ngettext

from pcmd.establishments.models import Establishment, RiskLevel
from pcmd.establishments.risk import RiskSignal
from pcmd.inspections.models import Violation

SOURCE = "inspections"


def open_violation_signals(establishment: Establishment) -> Iterator[RiskSignal]:
    if establishment.pk is None:
        return
    count = Violation.objects.filter(
        inspection__establishment=establishment, status=Violation.Status.OPEN
    ).count()
    if count:
        reason = ngettext(
            "%(count)s vi phạm phát hiện khi kiểm tra chưa khắc phục.",
            "%(count)s vi phạm phát hiện khi kiểm tra chưa khắc phục.",
            count,
        ) % {"count": count}
        yield RiskSignal(RiskLevel.HIGH, reason, SOURCE)
