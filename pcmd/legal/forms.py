"""Forms of the legal-reference pages. They parse input only: rules live in pcmd.legal.services."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pcmd.agencies.forms import StyledForm
from pcmd.legal.models import LegalDocument, LegalProvision

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
NOT_AN_AMOUNT = _("Nhập số tiền bằng chữ số, ví dụ 1.000.000.")
AMOUNT_TOO_LARGE = _("Số tiền quá lớn.")
MAX_AMOUNT = 10**15  # far above any administrative fine; stops absurd input before the database does


def date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    """A dd/mm/yyyy text field (phones get the numeric keypad)."""
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


class VndField(forms.CharField):
    """An amount in đồng typed as officials write it: "1.000.000", "1 000 000" or "1000000"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value

    def clean(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        digits = re.sub(r"[.\s,]", "", text)
        if digits.lower().endswith(("đ", "d")):
            digits = digits[:-1]
        if not digits.isdigit():
            raise ValidationError(NOT_AN_AMOUNT, code="invalid")
        amount = int(digits)
        if amount >= MAX_AMOUNT:
            raise ValidationError(AMOUNT_TOO_LARGE, code="too_large")
        return amount


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class LegalDocumentForm(StyledForm):
    number = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 282/2025/NĐ-CP")}),
    )
    kind = forms.ChoiceField(
        label=_("Loại văn bản"), choices=[("", _("— Chọn loại —")), *LegalDocument.Kind.choices]
    )
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    issued_on = date_field(_("Ngày ban hành"))
    effective_from = date_field(_("Hiệu lực từ ngày"))
    effective_to = date_field(_("Hiệu lực đến hết ngày"))
    superseded_by = DocumentChoiceField(
        label=_("Được thay thế bởi"),
        queryset=LegalDocument.objects.none(),
        required=False,
        empty_label=_("— Không —"),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, documents: Any, document: LegalDocument | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["superseded_by"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = documents.exclude(pk=document.pk) if document else documents
        if document is None:
            del self.fields["version"]

    @staticmethod
    def initial_for(document: LegalDocument) -> dict[str, Any]:
        return {
            "number": document.number,
            "kind": document.kind,
            "title": document.title,
            "issuer": document.issuer,
            "issued_on": document.issued_on,
            "effective_from": document.effective_from,
            "effective_to": document.effective_to,
            "superseded_by": document.superseded_by_id,
            "note": document.note,
            "version": document.version,
        }


class LegalProvisionForm(StyledForm):
    article = forms.CharField(label=_("Điều"), max_length=20)
    clause = forms.CharField(label=_("Khoản"), max_length=20, required=False)
    point = forms.CharField(label=_("Điểm"), max_length=10, required=False)
    act = forms.CharField(label=_("Hành vi vi phạm"), widget=forms.Textarea(attrs={"rows": 3}))
    applies_to = forms.ChoiceField(label=_("Đối tượng áp dụng"), choices=LegalProvision.AppliesTo.choices)
    fine_min = VndField(label=_("Mức phạt tiền từ (đồng)"), required=False)
    fine_max = VndField(label=_("Mức phạt tiền đến (đồng)"), required=False)
    additional_measures = forms.CharField(
        label=_("Hình thức xử phạt bổ sung, biện pháp khắc phục hậu quả"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    valid_from = date_field(_("Áp dụng từ ngày"), required=True)
    valid_to = date_field(_("Áp dụng đến hết ngày"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, documents: Any = None, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["version"]
            self.fields["document"] = DocumentChoiceField(
                label=_("Văn bản"),
                queryset=documents,
                empty_label=_("— Chọn văn bản —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.order_fields(["document"])

    @staticmethod
    def initial_for(provision: LegalProvision) -> dict[str, Any]:
        return {
            name: getattr(provision, name)
            for name in (
                "article",
                "clause",
                "point",
                "act",
                "applies_to",
                "fine_min",
                "fine_max",
                "additional_measures",
                "valid_from",
                "valid_to",
                "version",
            )
        }


class ProvisionCloseForm(StyledForm):
    valid_to = date_field(_("Áp dụng đến hết ngày"), required=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProvisionFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm theo hành vi"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ví dụ: mua dam")}),
    )
    applies_to = forms.ChoiceField(
        label=_("Đối tượng"),
        required=False,
        choices=[("", _("Cá nhân và tổ chức")), *LegalProvision.AppliesTo.choices],
    )
    valid_on = date_field(_("Áp dụng vào ngày"))

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"] = DocumentChoiceField(
            label=_("Văn bản"),
            queryset=documents,
            required=False,
            empty_label=_("Mọi văn bản"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["q", "document", "applies_to", "valid_on"])
