"""Read-only admin screens: units are loaded from the packaged datasets (`manage.py load_admin_units`)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from pcmd.geography.models import AdminUnit, UnitSuccession


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AdminUnit)
class AdminUnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "level", "era", "division_type", "path", "scope_path")
    list_filter = ("era", "level")
    search_fields = ("name", "name_search", "code", "path")
    ordering = ("era", "path")
    list_select_related = ("parent",)


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(ReadOnlyAdmin):
    list_display = ("legacy_unit", "successor", "is_default")
    list_filter = ("is_default", "legacy_unit__level")
    search_fields = (
        "legacy_unit__name_search",
        "legacy_unit__code",
        "successor__name_search",
        "successor__code",
    )
    list_select_related = ("legacy_unit", "successor")
