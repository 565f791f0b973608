"""Forms for agencies and teams. They only parse input: rules live in pcmd.agencies.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies import selectors
from pcmd.agencies.models import Agency, AgencyKind, TeamMember
from pcmd.geography.models import AdminUnit

# A select of units is offered up to this many; beyond it (a national administrator) the code is typed.
UNIT_SELECT_LIMIT = 300
DATE_PLACEHOLDER = _("dd/mm/yyyy")
CHOOSE_UNIT = _("— Chọn đơn vị hành chính —")
UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class StyledForm(forms.Form):
    """Tabler classes on every widget, and accessible error marking (is-invalid, aria-describedby)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields and "is-invalid" not in self.fields[name].widget.attrs.get("class", ""):
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-describedby"] = f"{self[name].auto_id}-loi"

    def apply_service_errors(self, exc: ValidationError) -> None:
        """Show a service's ValidationError on the matching fields (others, e.g. a stale version, on top)."""
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc)
            return
        for field, errors in exc.error_dict.items():
            target = (
                field
                if field in self.fields and not isinstance(self.fields[field].widget, forms.HiddenInput)
                else None
            )
            for error in errors:
                self.add_error(target if target != NON_FIELD_ERRORS else None, error)


def _date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


def _unit_label(unit: AdminUnit) -> str:
    return f"{unit.name} ({unit.code})"


class UnitCodeField(forms.CharField):
    """An official unit code within the user's jurisdiction, offered as a select when the list is short."""

    def __init__(self, *, user: User, empty_label: Any = CHOOSE_UNIT, **kwargs: Any) -> None:
        self.user = user
        super().__init__(**kwargs)
        units = selectors.units_visible_to(user)
        if units.count() <= UNIT_SELECT_LIMIT:
            choices = [("", empty_label), *((u.code, _unit_label(u)) for u in units)]
            self.widget = forms.Select(choices=choices, attrs={"class": "form-select"})
        else:
            self.widget = forms.TextInput(
                attrs={
                    "class": "form-control",
                    "inputmode": "numeric",
                    "placeholder": _("Mã đơn vị, ví dụ 14"),
                }
            )
            self.help_text = _("Mã tỉnh 2 chữ số hoặc mã xã 5 chữ số theo danh mục hành chính.")

    def clean(self, value: Any) -> AdminUnit | None:  # type: ignore[override]
        code = super().clean(value)
        if not code:
            return None
        unit = selectors.unit_get_by_code(self.user, code)
        if unit is None:
            raise ValidationError(UNKNOWN_UNIT, code="unknown_unit", params={"code": code})
        return unit


class AgencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Agency) -> str:  # type: ignore[override]
        return f"{obj.name} — {obj.unit.name}"


# --- filters ------------------------------------------------------------------------------------------------


class AgencyFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm theo tên"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: y te son la")}),
    )
    kind = forms.ChoiceField(
        label=_("Loại cơ quan"),
        required=False,
        choices=[("", _("Tất cả các loại")), *AgencyKind.choices],
    )
    active = forms.BooleanField(label=_("Chỉ cơ quan đang hoạt động"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị hành chính"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.order_fields(["q", "kind", "unit", "active"])


class TeamFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm theo tên đội"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    active = forms.BooleanField(label=_("Chỉ đội đang hoạt động"), required=False)


# --- agencies -----------------------------------------------------------------------------------------------


class AgencyForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại cơ quan"), choices=[("", _("— Chọn loại —")), *AgencyKind.choices])
    name = forms.CharField(label=_("Tên cơ quan"), max_length=255)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=60, required=False)
    valid_from = _date_field(_("Hoạt động từ ngày"))
    valid_to = _date_field(_("Hoạt động đến ngày"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            self.fields["unit"] = UnitCodeField(user=user, label=_("Đơn vị hành chính"))
            del self.fields["version"]
            self.order_fields(["unit"])

    @staticmethod
    def initial_for(agency: Agency) -> dict[str, Any]:
        return {
            "kind": agency.kind,
            "name": agency.name,
            "short_name": agency.short_name,
            "valid_from": agency.valid_from,
            "valid_to": agency.valid_to,
            "version": agency.version,
        }


class AgencyCloseForm(StyledForm):
    on = _date_field(_("Ngày cuối cùng hoạt động"), required=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FocalAssignForm(StyledForm):
    valid_from = _date_field(_("Làm cơ quan thường trực từ ngày"), required=True)
    valid_to = _date_field(_("Đến ngày (để trống nếu chưa xác định)"))
    legal_basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Nghị định 42/2025/NĐ-CP")}),
    )


# --- teams --------------------------------------------------------------------------------------------------


class TeamForm(StyledForm):
    name = forms.CharField(label=_("Tên đội"), max_length=255)
    established_by = forms.CharField(
        label=_("Quyết định thành lập"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 123/QĐ-UBND")}),
    )
    established_on = _date_field(_("Ngày thành lập"))
    dissolved_on = _date_field(_("Ngày giải thể"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"] = AgencyChoiceField(
            label=_("Cơ quan chủ trì"),
            queryset=selectors.agencies_visible_to(user),
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if creating:
            self.fields["unit"] = UnitCodeField(user=user, label=_("Địa bàn của đội"))
            del self.fields["dissolved_on"]
            del self.fields["version"]
        self.order_fields(["unit", "name", "lead_agency"])

    @staticmethod
    def initial_for(team: Any) -> dict[str, Any]:
        return {
            "name": team.name,
            "lead_agency": team.lead_agency_id,
            "established_by": team.established_by,
            "established_on": team.established_on,
            "dissolved_on": team.dissolved_on,
            "version": team.version,
        }


class TeamMemberForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    team_role = forms.ChoiceField(
        label=_("Vai trò trong đội"), choices=TeamMember.TeamRole.choices, initial=TeamMember.TeamRole.MEMBER
    )
    joined_on = _date_field(_("Tham gia từ ngày"))

    def __init__(self, *args: Any, user: User, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Agencies of the team's unit and the units above it (the service checks the same rule).
        parts = team.unit.path.split(".")
        ancestor_paths = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        agencies = selectors.agencies_visible_to(user).filter(unit__path__in=ancestor_paths)
        self.fields["agency"] = AgencyChoiceField(
            label=_("Cơ quan cử"),
            queryset=agencies,
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["agency"])


class TeamMemberLeaveForm(StyledForm):
    left_on = _date_field(_("Ngày rời đội"))
