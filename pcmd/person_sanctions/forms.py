"""Forms of the person-sanction pages. They only parse input: rules live in pcmd.person_sanctions.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.forms import StyledForm, UnitCodeField
from pcmd.core.services import today
from pcmd.legal.models import LegalProvision
from pcmd.person_sanctions import selectors
from pcmd.person_sanctions.models import PersonSanctionTally, SanctionedAct

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
FIRST_YEAR = 2013  # Nghị định 167/2013, the first decree whose sanctions the programme's reports count


def _date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


class ProvisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LegalProvision) -> str:  # type: ignore[override]
        end = f"{obj.valid_to:%d/%m/%Y}" if obj.valid_to else str(_("nay"))
        return f"{obj.reference}: {obj.act} ({obj.valid_from:%d/%m/%Y} – {end})"


class TallyFilterForm(StyledForm):
    act = forms.ChoiceField(
        label=_("Hành vi"), required=False, choices=[("", _("Mọi hành vi")), *SanctionedAct.choices]
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Năm"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", _("Mọi năm"))]
            + [(str(y), str(y)) for y in range(today().year, FIRST_YEAR - 1, -1)],
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["unit", "year", "act"])

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"unit": data["unit"], "year": data["year"], "act": data["act"]}


class TallyForm(StyledForm):
    period_start = _date_field(_("Kỳ thống kê từ ngày"), required=True)
    period_end = _date_field(_("Đến ngày"), required=True)
    act = forms.ChoiceField(label=_("Hành vi"), choices=[("", _("— Chọn hành vi —")), *SanctionedAct.choices])
    persons_count = forms.IntegerField(
        label=_("Số lượt người bị xử phạt"),
        min_value=0,
        help_text=_("Một người bị xử phạt hai lần trong kỳ được tính hai lượt."),
    )
    decisions_count = forms.IntegerField(label=_("Số quyết định xử phạt"), min_value=0)
    total_fines = forms.IntegerField(label=_("Tổng tiền phạt (đồng)"), min_value=0, initial=0)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Không ghi họ tên hay thông tin nhận dạng người bị xử phạt."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, user: User, tally: PersonSanctionTally | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provision"] = ProvisionChoiceField(
            label=_("Căn cứ xử phạt (áp dụng cho cá nhân)"),
            queryset=selectors.provisions_for_individuals(user, keep=tally.provision if tally else None),
            empty_label=_("— Chọn căn cứ —"),
            widget=forms.Select(attrs={"class": "form-select"}),
            help_text=_("Căn cứ phải được áp dụng trong kỳ thống kê (bảng văn bản pháp luật)."),
        )
        if tally is None:
            self.fields["unit"] = UnitCodeField(user=user, label=_("Đơn vị"))
            del self.fields["version"]
        self.order_fields(
            ["unit", "period_start", "period_end", "act", "provision", "persons_count", "decisions_count"]
        )

    @staticmethod
    def initial_for(tally: PersonSanctionTally) -> dict[str, Any]:
        return {
            "period_start": tally.period_start,
            "period_end": tally.period_end,
            "act": tally.act,
            "provision": tally.provision_id,
            "persons_count": tally.persons_count,
            "decisions_count": tally.decisions_count,
            "total_fines": tally.total_fines,
            "note": tally.note,
            "version": tally.version,
        }


class TallyDeleteForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
