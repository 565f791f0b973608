"""Forms of the criminal-case pages. They only parse input: rules live in pcmd.criminal_cases.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.forms import AgencyChoiceField, StyledForm, UnitCodeField
from pcmd.core.services import today
from pcmd.criminal_cases import selectors, stages
from pcmd.criminal_cases.models import Article, CaseOffender, CriminalCase, Stage
from pcmd.establishments.models import Establishment
from pcmd.hotspots.models import Hotspot

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
FIRST_YEAR = 2015  # the Criminal Code in force (Bộ luật Hình sự 2015); earlier cases are not recorded here


def _date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


def _year_choices() -> list[tuple[str, str]]:
    return [("", str(_("Mọi năm")))] + [(str(y), str(y)) for y in range(today().year, FIRST_YEAR - 1, -1)]


class CaseFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Số vụ án"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: 12/2026")}),
    )
    article = forms.ChoiceField(
        label=_("Điều luật"), required=False, choices=[("", _("Mọi điều luật")), *Article.choices]
    )
    stage = forms.ChoiceField(
        label=_("Giai đoạn"), required=False, choices=[("", _("Mọi giai đoạn")), *Stage.choices]
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị thụ lý"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Năm phát hiện"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=_year_choices(),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["q", "unit", "article", "stage", "year"])

    def filters(self) -> dict[str, Any]:
        """The selector's keyword filters (none when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"],
            "unit": data["unit"],
            "article": data["article"],
            "stage": data["stage"],
            "year": data["year"],
        }


class HotspotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Hotspot) -> str:  # type: ignore[override]
        return f"{obj.name} — {obj.unit.name}"


class EstablishmentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Establishment) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.registry_code}) — {obj.unit.name}"


class CaseForm(StyledForm):
    number = forms.CharField(
        label=_("Số vụ án"),
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 12/2026/VA")}),
    )
    article = forms.ChoiceField(
        label=_("Điều luật"), choices=[("", _("— Chọn điều luật —")), *Article.choices]
    )
    article_other = forms.CharField(
        label=_("Điều luật khác (ghi rõ)"),
        max_length=255,
        required=False,
        help_text=_("Chỉ ghi khi chọn «Điều khác»."),
    )
    uncovered_on = _date_field(_("Ngày phát hiện"), required=True)
    victims_count = forms.IntegerField(label=_("Số nạn nhân"), min_value=0, initial=0)
    minor_victims_count = forms.IntegerField(label=_("Trong đó dưới 18 tuổi"), min_value=0, initial=0)
    summary = forms.CharField(
        label=_("Tóm tắt vụ án"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Được mã hóa khi lưu. Không ghi họ tên, địa chỉ của nạn nhân."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, case: CriminalCase | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"] = AgencyChoiceField(
            label=_("Cơ quan thụ lý"),
            queryset=selectors.handling_agencies_for(user, keep=case.agency if case else None),
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if case is None:
            self.fields["unit"] = UnitCodeField(user=user, label=_("Đơn vị thụ lý"))
            self.fields["note"] = forms.CharField(
                label=_("Ghi chú khi phát hiện"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )
            del self.fields["version"]
        else:
            # Links are chosen once the case's unit is known: only hotspots and establishments in it.
            self.fields["hotspots"] = HotspotChoiceField(
                label=_("Điểm phức tạp liên quan"),
                required=False,
                queryset=Hotspot.objects.filter(
                    Q(pk__in=selectors.linkable_hotspots_for(user, case.unit).values("pk"))
                    | Q(pk__in=case.hotspots.values("pk"))
                )
                .select_related("unit")
                .order_by("unit__name_sort", "name_sort", "id"),
                widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 5}),
            )
            self.fields["establishments"] = EstablishmentChoiceField(
                label=_("Cơ sở kinh doanh dịch vụ liên quan"),
                required=False,
                queryset=Establishment.objects.filter(
                    Q(pk__in=selectors.linkable_establishments_for(user, case.unit).values("pk"))
                    | Q(pk__in=case.establishments.values("pk"))
                )
                .select_related("unit")
                .order_by("unit__name_sort", "name_sort", "id"),
                widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 5}),
            )
        self.order_fields(
            [
                "unit",
                "number",
                "agency",
                "article",
                "article_other",
                "uncovered_on",
                "victims_count",
                "minor_victims_count",
                "summary",
                "hotspots",
                "establishments",
            ]
        )

    @staticmethod
    def initial_for(case: CriminalCase) -> dict[str, Any]:
        return {
            "number": case.number,
            "agency": case.agency_id,
            "article": case.article,
            "article_other": case.article_other,
            "uncovered_on": case.uncovered_on,
            "victims_count": case.victims_count,
            "minor_victims_count": case.minor_victims_count,
            "summary": case.summary,
            "hotspots": [h.pk for h in case.hotspots.all()],
            "establishments": [e.pk for e in case.establishments.all()],
            "version": case.version,
        }


class StageForm(StyledForm):
    """Record the next stage; only the next one is offered (the service refuses any other)."""

    occurred_on = _date_field(_("Ngày"), required=True)
    decision_number = forms.CharField(
        label=_("Số quyết định, cáo trạng, bản án"), max_length=60, required=False
    )
    mobile_trial = forms.BooleanField(label=_("Xét xử lưu động"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, case: CriminalCase, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": case.version})
        super().__init__(*args, **kwargs)
        following = stages.next_stage(case.stage)
        self.fields["stage"] = forms.ChoiceField(
            label=_("Giai đoạn"),
            choices=[(s, Stage(s).label) for s in stages.RECORDABLE],
            initial=following,
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.fields["stage"].widget.choices = (  # type: ignore[attr-defined]
            [(following, Stage(following).label)] if following else []
        )
        self.fields["agency"] = AgencyChoiceField(
            label=_("Cơ quan quyết định (trở thành cơ quan thụ lý)"),
            required=False,
            queryset=selectors.handling_agencies_for(user),
            empty_label=_("— Giữ cơ quan thụ lý hiện tại —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if following != Stage.TRIED:
            del self.fields["mobile_trial"]
        self.order_fields(["stage", "occurred_on", "decision_number", "agency", "mobile_trial", "note"])


class OffenderForm(StyledForm):
    role = forms.ChoiceField(
        label=_("Vai trò"), choices=[("", _("— Chọn vai trò —")), *CaseOffender.Role.choices]
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    birth_year = forms.IntegerField(label=_("Năm sinh"), required=False, min_value=1900)
    sex = forms.ChoiceField(label=_("Giới tính"), choices=[("", _("— Chọn —")), *CaseOffender.Sex.choices])


class RevealForm(StyledForm):
    reason = forms.CharField(
        label=_("Lý do xem danh sách đối tượng"),
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: lập hồ sơ đề nghị truy tố")}),
        help_text=_("Mỗi lần xem được ghi vào nhật ký truy cập kèm lý do."),
    )


class StatisticsForm(StyledForm):
    period_start = _date_field(_("Từ ngày"), required=True)
    period_end = _date_field(_("Đến ngày"), required=True)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.order_fields(["period_start", "period_end", "unit"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return data
