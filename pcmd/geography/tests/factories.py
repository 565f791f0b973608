from __future__ import annotations

import factory

from pcmd.core.vietnamese import search_key, sort_key
from pcmd.geography.models import LEGACY_LAST_DAY, REORGANISATION_DATE, AdminUnit


class AdminUnitFactory(factory.django.DjangoModelFactory[AdminUnit]):
    """A current-era province by default; pass parent= for a commune (path and scope follow the parent)."""

    class Meta:
        model = AdminUnit

    era = AdminUnit.Era.CURRENT
    level = AdminUnit.Level.PROVINCE
    code = factory.Sequence(lambda n: f"{90 + n % 10:02d}" if n < 10 else f"{n:05d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử {n}")
    division_type = "Tỉnh"
    parent = None
    valid_from = REORGANISATION_DATE
    latitude = 21.3
    longitude = 103.9

    @factory.lazy_attribute
    def path(self) -> str:
        prefix = "L" if self.era == AdminUnit.Era.LEGACY and self.parent is None else ""
        return f"{self.parent.path}.{self.code}" if self.parent else f"{prefix}{self.code}"

    @factory.lazy_attribute
    def scope_path(self) -> str:
        if self.era == AdminUnit.Era.CURRENT:
            return self.path
        return self.parent.scope_path if self.parent else self.path

    @factory.lazy_attribute
    def name_search(self) -> str:
        return search_key(str(self.name))

    @factory.lazy_attribute
    def name_sort(self) -> str:
        return sort_key(str(self.name))


def make_province(code: str, name: str) -> AdminUnit:
    return AdminUnitFactory.create(code=code, name=name, level=AdminUnit.Level.PROVINCE, division_type="Tỉnh")


def make_commune(province: AdminUnit, code: str, name: str) -> AdminUnit:
    division = name.split(" ")[0]
    return AdminUnitFactory.create(
        code=code, name=name, level=AdminUnit.Level.COMMUNE, parent=province, division_type=division
    )


def make_legacy(code: str, name: str, level: str, parent: AdminUnit | None, scope_path: str) -> AdminUnit:
    return AdminUnitFactory.create(
        era=AdminUnit.Era.LEGACY,
        code=code,
        name=name,
        level=level,
        parent=parent,
        scope_path=scope_path,
        valid_from=None,
        valid_to=LEGACY_LAST_DAY,
    )
