"""The wording of a plan's documents: the header lines, the signature block, the "Nơi nhận" lines, the
sentence assigning a task, the reporting rules and the download's file name.

Always what was entered, with only the numbering, punctuation and fixed phrases the layout adds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from pcmd.core.services import format_day
from pcmd.geography.models import AdminUnit
from pcmd.planning.models import Plan, PlanArea, ReportingRule, Task

UNNUMBERED = "     "  # the blank the clerk fills in by hand: "Số:      /KH-UBND"
DATE_BLANK = "    "
ITEM_MARKS = ("-", "–", "+", "•", "*")


def decree30_day(day: int) -> str:
    """Days below 10 take a leading zero in the date line (Nghị định 30/2020, Phụ lục I)."""
    return f"{day:02d}"


def decree30_month(month: int) -> str:
    """Months 1 and 2 take a leading zero, the others none ("tháng 02", "tháng 3", "tháng 12")."""
    return f"{month:02d}" if month < 3 else str(month)


def plan_number_line(plan: Plan) -> str:
    """ "Số: 166/KH-UBND", or the blank left for the number of an unnumbered draft."""
    return _("Số: %(number)s/%(symbol)s") % {"number": plan.number or UNNUMBERED, "symbol": plan.symbol}


def plan_place_and_date_line(plan: Plan) -> str:
    """ "Sơn La, ngày 05 tháng 3 năm 2026"; a draft without date leaves day and month blank in the year the
    plan starts."""
    if plan.issued_on is None:
        return _("%(place)s, ngày%(blank)stháng%(blank)snăm %(year)s") % {
            "place": plan.issued_place,
            "blank": DATE_BLANK,
            "year": plan.period_start.year,
        }
    day = plan.issued_on
    return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
        "place": plan.issued_place,
        "day": decree30_day(day.day),
        "month": decree30_month(day.month),
        "year": day.year,
    }


def signature_lines(plan: Plan) -> list[str]:
    """The signature block above the blank space for the signature: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH" — or only the position for a direct signer."""
    lines = []
    on_behalf_of = re.sub(r"^\s*TM\.\s*", "", plan.signer_on_behalf_of, flags=re.IGNORECASE)
    if on_behalf_of:
        lines.append(f"TM. {on_behalf_of}".upper())
    position = plan.signer_position.upper()
    if plan.signer_authority:
        # "Q. CHỦ TỊCH" names the position itself: a position line repeating the title is not printed again.
        principal = (plan.signer_principal_title or plan.signer_position).upper()
        lines.append(f"{plan.signer_authority} {principal}")
        if position and position != principal:
            lines.append(position)
    elif position:
        lines.append(position)
    return lines


def recipient_lines(plan: Plan) -> list[str]:
    """ "Nơi nhận" lines, each "- …;", the archive line ("- Lưu: VT, …") last and ending with a full stop."""
    recipients = sorted(plan.recipients.all(), key=lambda r: (r.is_archive, r.order))
    lines = []
    for recipient in recipients:
        text = recipient.text.strip().lstrip("-–").strip().rstrip(";.").rstrip()
        lines.append(f"- {text}{'.' if recipient.is_archive else ';'}")
    return lines


def _recurrence_phrase(task: Task) -> str:
    phrases: dict[str, str] = {
        Task.Recurrence.CONTINUOUS: _("thường xuyên"),
        Task.Recurrence.MONTHLY: _("hằng tháng"),
        Task.Recurrence.QUARTERLY: _("hằng quý"),
        Task.Recurrence.SEMIANNUAL: _("định kỳ 6 tháng"),
        Task.Recurrence.YEARLY: _("hằng năm"),
    }
    return phrases.get(task.recurrence, task.get_recurrence_display().lower()) if task.recurrence else ""


def coordinators_text(task: Task) -> str:
    """The coordinating agencies by name, then the group named in the text ("các sở, ngành liên quan")."""
    names = [agency.name for agency in task.coordinating_agencies.all()]
    if task.coordinating_note:
        names.append(task.coordinating_note)
    return ", ".join(names)


def task_assignment_line(task: Task) -> str:
    """ "Cơ quan chủ trì: Công an tỉnh; cơ quan phối hợp: Sở Y tế; thời hạn: 30/06/2026." — every task of
    every plan is assigned in these words."""
    parts = [_("Cơ quan chủ trì: %(agency)s") % {"agency": task.lead_agency.name}]
    coordinators = coordinators_text(task)
    if coordinators:
        parts.append(_("cơ quan phối hợp: %(agencies)s") % {"agencies": coordinators})
    recurrence = _recurrence_phrase(task)
    if task.due_date and recurrence:
        deadline = _("%(recurrence)s, chậm nhất ngày %(day)s") % {
            "recurrence": recurrence,
            "day": format_day(task.due_date),
        }
    else:
        deadline = format_day(task.due_date) or recurrence
    if deadline:
        parts.append(_("thời hạn: %(deadline)s") % {"deadline": deadline})
    return "; ".join(parts) + "."


def _lower_units_phrase(unit: AdminUnit) -> str:
    if unit.level == AdminUnit.Level.PROVINCE and unit.is_legacy:
        return _("Ủy ban nhân dân các huyện, thị xã, thành phố")
    if unit.level == AdminUnit.Level.PROVINCE:
        return _("Ủy ban nhân dân các xã, phường")
    return _("Ủy ban nhân dân các xã, thị trấn")


def _reporters_phrase(rule: ReportingRule, plan: Plan) -> str:
    if rule.reporters == ReportingRule.Reporters.LOWER_UNITS:
        return _lower_units_phrase(plan.issuing_unit)
    if rule.reporters == ReportingRule.Reporters.NAMED_AGENCIES:
        names = [agency.name for agency in rule.named_reporters.order_by("name_sort")]
        if names:
            return ", ".join(names)
    if rule.reporters == ReportingRule.Reporters.FOCAL_AGENCY:
        return _("Cơ quan thường trực về phòng, chống mại dâm")
    return _("Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch")


def reporting_rule_sentence(rule: ReportingRule, plan: Plan) -> str:
    """The rule as written in the plan, or a sentence built from its fields: who reports, which period, by
    which day and month, to whom."""
    if rule.statement.strip():
        return rule.statement.strip()
    periods: dict[str, str] = {
        ReportingRule.PeriodKind.SEMIANNUAL: _("báo cáo kết quả thực hiện 6 tháng đầu năm"),
        ReportingRule.PeriodKind.ANNUAL: _("báo cáo kết quả thực hiện năm"),
        ReportingRule.PeriodKind.QUARTERLY: _("báo cáo kết quả thực hiện hằng quý"),
        ReportingRule.PeriodKind.AD_HOC: _("báo cáo đột xuất khi có yêu cầu"),
    }
    period = periods.get(rule.period_kind, _("báo cáo kết quả thực hiện"))
    if rule.due_day and rule.due_month:
        due = f"{rule.due_day:02d}/{rule.due_month:02d}"
        if rule.period_kind == ReportingRule.PeriodKind.QUARTERLY:
            # The rule's day and month are the first quarter's deadline; the others follow every 3 months.
            period = _("%(period)s (báo cáo quý I trước ngày %(due)s)") % {"period": period, "due": due}
        else:
            period = _("%(period)s (trước ngày %(due)s)") % {"period": period, "due": due}
    recipients = [name for name in (agency_name(rule.recipient_agency), rule.recipient_note) if name]
    sentence = f"{_reporters_phrase(rule, plan)} {period}"
    if recipients:
        sentence += " " + _("gửi về %(recipient)s") % {"recipient": ", ".join(recipients)}
    return sentence + "."


def agency_name(agency: Any) -> str:
    return agency.name if agency is not None else ""


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a multi-line field: each becomes a paragraph."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def as_item(text: str) -> str:
    """An enumerated item starts with "- " unless it was written with its own mark."""
    return text if text.startswith(ITEM_MARKS) else f"- {text}"


def legal_basis_text(text: str) -> str:
    """Each legal basis ends with ";" (Decree 30), unless it was written with its own punctuation."""
    text = " ".join(text.split())
    return text if text.endswith((";", ".", ",", ":")) else f"{text};"


def grouped_by_area(rows: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """Rows grouped by area, groups in the order their first row appears (the order the author chose)."""
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(row.area, []).append(row)
    return [
        (str(PlanArea(area).label) if area in PlanArea.values else area, items)
        for area, items in groups.items()
    ]


def ascii_slug(text: str) -> str:
    """ "Sơn La" → "Son-La", "KH-BCĐ138" → "KH-BCD138": ASCII letters and digits joined by hyphens."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "-".join(re.findall(r"[A-Za-z0-9]+", bare))


def plan_document_filename(plan: Plan, ext: str) -> str:
    """ "KH-166-UBND-2026-Son-La.docx"; an unnumbered draft: "Du-thao-KH-UBND-2026-Son-La.docx"."""
    kind, _sep, issuer = plan.symbol.partition("-")
    year = (plan.issued_on or plan.period_start).year
    parts = [kind, plan.number, issuer, str(year), plan.issued_place]
    name = "-".join(slug for slug in (ascii_slug(part) for part in parts) if slug)
    if not plan.number:
        name = f"Du-thao-{name}"
    return f"{name}.{ext.lstrip('.')}"
