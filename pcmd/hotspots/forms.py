"""Forms of the hotspot pages. They only parse input: rules live in pcmd.hotspots.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.forms import UNIT_SELECT_LIMIT, AgencyChoiceField, StyledForm, UnitCodeField
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots import lifecycle, selectors
from pcmd.hotspots.models import Hotspot, HotspotEvent

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
# A select of establishments is offered up to this many; beyond it the registry code is typed.
ESTABLISHMENT_SELECT_LIMIT = 300
UNKNOWN_ESTABLISHMENT = _("Không tìm thấy cơ sở có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_COMMUNE = _("Không tìm thấy xã, phường có mã «%(code)s» trong phạm vi của bạn.")
NOT_A_NUMBER = _("Nhập số thập phân, ví dụ 21.3256.")


def _date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


class CoordinateField(forms.FloatField):
    """Decimal degrees typed with a dot or, as Vietnamese write decimals, a comma ("21,3256")."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


def _coordinate_field(label: StrOrPromise, example: str) -> CoordinateField:
    return CoordinateField(
        label=label,
        required=False,
        error_messages={"invalid": NOT_A_NUMBER},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": example}),
    )


class CommuneCodeField(forms.CharField):
    """A current commune of the user's jurisdiction (a hotspot is in a commune, never a whole province), as a
    select when the list is short, else its official code."""

    def __init__(self, *, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(**kwargs)
        communes = selectors.communes_for_hotspots(user)
        if communes.count() <= UNIT_SELECT_LIMIT:
            choices = [("", _("— Chọn xã, phường —")), *((c.code, f"{c.name} ({c.code})") for c in communes)]
            self.widget = forms.Select(choices=choices, attrs={"class": "form-select"})
        else:
            self.widget = forms.TextInput(
                attrs={
                    "class": "form-control",
                    "inputmode": "numeric",
                    "placeholder": _("Mã xã, ví dụ 03646"),
                }
            )
            self.help_text = _("Mã xã, phường 5 chữ số theo danh mục hành chính.")

    def clean(self, value: Any) -> AdminUnit | None:  # type: ignore[override]
        code = (super().clean(value) or "").strip()
        if not code:
            return None
        commune = selectors.communes_for_hotspots(self.user).filter(code=code).first()
        if commune is None:
            raise ValidationError(UNKNOWN_COMMUNE, code="unknown_unit", params={"code": code})
        return commune


class EstablishmentField(forms.CharField):
    """An establishment of the user's jurisdiction: a select when the list is short, else its code."""

    def __init__(self, *, user: User, keep: Establishment | None = None, **kwargs: Any) -> None:
        self.user = user
        # The establishment a hotspot being edited already names stays valid even if deleted since.
        self.keep = keep
        super().__init__(**kwargs)
        establishments = list(selectors.establishments_for_hotspots(user)[: ESTABLISHMENT_SELECT_LIMIT + 1])
        if keep is not None and keep not in establishments:
            establishments.insert(0, keep)
        if len(establishments) <= ESTABLISHMENT_SELECT_LIMIT:
            choices = [
                ("", _("— Không gắn với cơ sở —")),
                *((e.registry_code, f"{e.name} — {e.address} ({e.unit.name})") for e in establishments),
            ]
            self.widget = forms.Select(choices=choices, attrs={"class": "form-select"})
        else:
            self.widget = forms.TextInput(attrs={"class": "form-control", "placeholder": "CS-04105-12"})
            self.help_text = _("Mã cơ sở trong danh sách cơ sở kinh doanh dịch vụ.")

    def clean(self, value: Any) -> Establishment | None:  # type: ignore[override]
        code = (super().clean(value) or "").strip()
        if not code:
            return None
        if self.keep is not None and code == self.keep.registry_code:
            return self.keep
        establishment = selectors.establishments_for_hotspots(self.user).filter(registry_code=code).first()
        if establishment is None:
            raise ValidationError(UNKNOWN_ESTABLISHMENT, code="unknown_establishment", params={"code": code})
        return establishment


class HotspotFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm theo tên, địa chỉ"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: bo suoi")}),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Mọi trạng thái")), *Hotspot.Status.choices]
    )
    kind = forms.ChoiceField(
        label=_("Loại điểm"), required=False, choices=[("", _("Mọi loại")), *Hotspot.Kind.choices]
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị hành chính"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.order_fields(["q", "unit", "status", "kind"])

    def filters(self) -> dict[str, Any]:
        """The selector's keyword filters (none when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"q": data["q"], "unit": data["unit"], "status": data["status"], "kind": data["kind"]}


class HotspotForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại điểm"), choices=[("", _("— Chọn loại —")), *Hotspot.Kind.choices])
    name = forms.CharField(
        label=_("Tên, mô tả địa điểm"),
        max_length=255,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Khu vực bờ suối Nậm La, tổ 5")}),
    )
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    description = forms.CharField(
        label=_("Tình hình, đặc điểm"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    latitude = _coordinate_field(_("Vĩ độ"), "21.3256")
    longitude = _coordinate_field(_("Kinh độ"), "103.9188")
    identified_on = _date_field(_("Ngày phát hiện"), required=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, hotspot: Hotspot | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        creating = hotspot is None
        self.fields["unit"] = CommuneCodeField(user=user, label=_("Xã, phường"))
        self.fields["establishment"] = EstablishmentField(
            user=user,
            keep=hotspot.establishment if hotspot else None,
            label=_("Cơ sở kinh doanh dịch vụ (bắt buộc với điểm tại cơ sở)"),
            required=False,
        )
        self.fields["identified_by"] = AgencyChoiceField(
            label=_("Cơ quan phát hiện"),
            queryset=selectors.identifying_agencies_for(
                user, keep=hotspot.identified_by if hotspot else None
            ),
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.fields["latitude"].help_text = _("Không bắt buộc. Để trống thì bản đồ đặt điểm ở trung tâm xã.")
        if creating:
            del self.fields["version"]
            self.fields["note"] = forms.CharField(
                label=_("Ghi chú khi phát hiện"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )
        self.order_fields(
            [
                "unit",
                "kind",
                "name",
                "address",
                "establishment",
                "description",
                "latitude",
                "longitude",
                "identified_on",
                "identified_by",
            ]
        )

    @staticmethod
    def initial_for(hotspot: Hotspot) -> dict[str, Any]:
        return {
            "unit": hotspot.unit.code,
            "kind": hotspot.kind,
            "name": hotspot.name,
            "address": hotspot.address,
            "description": hotspot.description,
            "latitude": hotspot.latitude,
            "longitude": hotspot.longitude,
            "establishment": hotspot.establishment.registry_code if hotspot.establishment else "",
            "identified_on": hotspot.identified_on,
            "identified_by": hotspot.identified_by_id,
            "version": hotspot.version,
        }


class HotspotEventForm(StyledForm):
    """Record an event; only the kinds the lifecycle allows from the hotspot's status are offered."""

    occurred_on = _date_field(_("Ngày"), required=True)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, hotspot: Hotspot, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": hotspot.version})
        super().__init__(*args, **kwargs)
        # Every recordable kind is accepted (a move refused meanwhile gets the service's message); only the
        # kinds allowed from the current status are offered.
        kind = forms.ChoiceField(
            label=_("Sự kiện"),
            choices=[(k, HotspotEvent.Kind(k).label) for k in lifecycle.RECORDABLE_KINDS],
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        allowed = lifecycle.allowed_event_kinds(hotspot.status)
        kind.widget.choices = [(k, HotspotEvent.Kind(k).label) for k in allowed]  # type: ignore[attr-defined]
        self.fields["kind"] = kind
        self.order_fields(["kind", "occurred_on", "note"])


class HotspotDeleteForm(StyledForm):
    reason = forms.CharField(label=_("Lý do xóa"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
