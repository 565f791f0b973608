"""Form rendering for Tabler/Bootstrap: the right CSS class per widget and the error state.

Django (5.0+) adds aria-invalid and aria-describedby ("<id>_helptext <id>_error") to the widget itself; the
templates give the help and error elements those ids (accounts/_field.html).
"""

from __future__ import annotations

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


def _css_class(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    if field.errors:
        css += " is-invalid"
    existing = widget.attrs.get("class", "")
    return f"{existing} {css}".strip()


@register.filter
def styled(field: forms.BoundField) -> SafeString:
    """Render the field's widget with Tabler classes (is-invalid when the field has errors)."""
    return field.as_widget(attrs={"class": _css_class(field)})


@register.filter
def is_checkbox(field: forms.BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)
