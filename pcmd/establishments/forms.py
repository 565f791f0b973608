"""Forms for establishments. They only parse input: rules live in pcmd.establishments.services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.forms import StyledForm
from pcmd.establishments import selectors
from pcmd.establishments.models import Commitment, Establishment, Licence, RiskLevel
from pcmd.geography.models import AdminUnit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
LICENCE_KIND_REQUIRED = _("Chọn loại giấy phép.")


def date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


class UnitChoiceField(forms.ModelChoiceField):
    """Units chosen by their official code (so a filter URL reads ?unit=03646)."""

    def label_from_instance(self, obj: AdminUnit) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.code})"


def _version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, required=False)


# --- list filters -------------------------------------------------------------------------------------------


class EstablishmentFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm theo tên, địa chỉ, mã cơ sở"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: karaoke hoa hong")}),
    )
    status = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[("", _("Mọi tình trạng")), *Establishment.Status.choices],
    )
    risk_level = forms.ChoiceField(
        label=_("Mức độ nguy cơ"), required=False, choices=[("", _("Mọi mức")), *RiskLevel.choices]
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitChoiceField(
            label=_("Địa bàn"),
            required=False,
            queryset=selectors.filter_units_visible_to(user),
            to_field_name="code",
            empty_label=_("Mọi địa bàn trong phạm vi"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.fields["type"] = forms.ModelChoiceField(
            label=_("Loại hình"),
            required=False,
            queryset=selectors.establishment_types(active_only=False),
            to_field_name="code",
            empty_label=_("Mọi loại hình"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["q", "unit", "type", "status", "risk_level"])

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for selectors.establishments_visible_to (none when the form is not valid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


# --- the establishment --------------------------------------------------------------------------------------


class EstablishmentForm(StyledForm):
    name = forms.CharField(label=_("Tên cơ sở"), max_length=255)
    address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=255,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Số 12 đường Tô Hiệu, tổ 3")}),
    )
    owner_name = forms.CharField(label=_("Chủ cơ sở"), max_length=150, required=False)
    owner_phone = forms.CharField(
        label=_("Điện thoại chủ cơ sở"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    worker_count = forms.IntegerField(
        label=_("Số người lao động"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    opened_on = date_field(_("Ngày bắt đầu hoạt động"))
    latitude = forms.FloatField(
        label=_("Vĩ độ"), required=False, localize=True, help_text=_("Không bắt buộc, ví dụ 21,3256")
    )
    longitude = forms.FloatField(
        label=_("Kinh độ"), required=False, localize=True, help_text=_("Không bắt buộc, ví dụ 103,9188")
    )
    licence_kind = forms.ChoiceField(
        label=_("Loại giấy phép"),
        required=False,
        choices=[("", _("— Không nhập giấy phép —")), *Licence.Kind.choices],
    )
    licence_number = forms.CharField(label=_("Số giấy phép"), max_length=80, required=False)
    licence_issuer = forms.CharField(label=_("Cơ quan cấp"), max_length=255, required=False)
    licence_issued_on = date_field(_("Ngày cấp"))
    licence_expires_on = date_field(_("Ngày hết hạn"))
    # Shown only once the service has listed possible duplicates.
    confirm_duplicates = forms.BooleanField(
        label=_("Tôi đã kiểm tra: đây là cơ sở khác, vẫn lưu."), required=False
    )
    version = _version_field()

    LICENCE_FIELDS = (
        "licence_kind",
        "licence_number",
        "licence_issuer",
        "licence_issued_on",
        "licence_expires_on",
    )

    def __init__(self, *args: Any, user: User, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.creating = creating
        self.fields["unit"] = UnitChoiceField(
            label=_("Xã, phường"),
            queryset=selectors.communes_visible_to(user),
            to_field_name="code",
            empty_label=_("— Chọn xã, phường —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.fields["type"] = forms.ModelChoiceField(
            label=_("Loại hình"),
            queryset=selectors.establishment_types(active_only=creating),
            empty_label=_("— Chọn loại hình —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if creating:
            del self.fields["version"]
        else:
            for name in self.LICENCE_FIELDS:
                del self.fields[name]
        self.order_fields(["unit", "type", "name", "address"])
        self.show_confirm = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.creating and data.get("licence_number") and not data.get("licence_kind"):
            self.add_error("licence_kind", LICENCE_KIND_REQUIRED)
        return data

    def licences(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        if not self.creating or not data.get("licence_number"):
            return []
        return [
            {
                "kind": data["licence_kind"],
                "number": data["licence_number"],
                "issuer": data["licence_issuer"],
                "issued_on": data["licence_issued_on"],
                "expires_on": data["licence_expires_on"],
            }
        ]

    def establishment_fields(self) -> dict[str, Any]:
        excluded = {*self.LICENCE_FIELDS, "confirm_duplicates", "version"}
        return {key: value for key, value in self.cleaned_data.items() if key not in excluded}

    @staticmethod
    def initial_for(establishment: Establishment) -> dict[str, Any]:
        return {
            "unit": establishment.unit.code,
            "type": establishment.type_id,
            "name": establishment.name,
            "address": establishment.address,
            "owner_name": establishment.owner_name,
            "owner_phone": establishment.owner_phone,
            "worker_count": establishment.worker_count,
            "opened_on": establishment.opened_on,
            "latitude": establishment.latitude,
            "longitude": establishment.longitude,
            "version": establishment.version,
        }


class StatusChangeForm(StyledForm):
    to_status = forms.ChoiceField(label=_("Tình trạng mới"), choices=Establishment.Status.choices)
    effective_on = date_field(_("Ngày hiệu lực"), required=True)
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    version = _version_field()


class RiskOverrideForm(StyledForm):
    level = forms.ChoiceField(
        label=_("Mức độ nguy cơ"),
        required=False,
        choices=[("", _("Theo đánh giá tự động")), *RiskLevel.choices],
    )
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    version = _version_field()


class DeleteForm(StyledForm):
    reason = forms.CharField(
        label=_("Lý do xóa"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    version = _version_field()


# --- what hangs off an establishment ------------------------------------------------------------------------


class LicenceForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại giấy phép"), choices=Licence.Kind.choices)
    number = forms.CharField(label=_("Số giấy phép"), max_length=80)
    issuer = forms.CharField(label=_("Cơ quan cấp"), max_length=255, required=False)
    issued_on = date_field(_("Ngày cấp"))
    expires_on = date_field(_("Ngày hết hạn"))
    confirm_duplicates = forms.BooleanField(
        label=_("Tôi đã kiểm tra: số giấy phép trùng là đúng, vẫn lưu."), required=False
    )


class CommitmentForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại cam kết"), choices=Commitment.Kind.choices)
    signed_on = date_field(_("Ngày ký"), required=True)
    party_name = forms.CharField(label=_("Người ký cam kết"), max_length=150)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class HealthCheckForm(StyledForm):
    checked_on = date_field(_("Ngày khám"), required=True)
    workers_checked = forms.IntegerField(
        label=_("Số người được khám"), min_value=1, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    provider = forms.CharField(label=_("Cơ sở y tế thực hiện"), max_length=255)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AttachmentForm(StyledForm):
    file = forms.FileField(label=_("Tệp (PDF, Word, Excel, ảnh JPG/PNG)"))
    description = forms.CharField(label=_("Mô tả"), max_length=255, required=False)


class ImportForm(StyledForm):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )


class EstablishmentTypeForm(StyledForm):
    code = forms.SlugField(
        label=_("Mã"),
        max_length=40,
        help_text=_(
            "Chữ thường không dấu, số và dấu gạch ngang, ví dụ: quan-nhau. Không đổi được sau khi tạo."
        ),
    )
    name = forms.CharField(label=_("Tên loại hình"), max_length=120)
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Đang dùng"), required=False, initial=True)

    def __init__(self, *args: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["code"]
