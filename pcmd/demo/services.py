"""Load the demo data (pcmd.demo.dataset) idempotently: what exists is left as it is, what is missing is
created.

Agencies, focal agencies and teams go through pcmd.agencies.services, acting as the demo administrator; demo
accounts and memberships are created directly (the accounts services are for administrators' daily work, with
password rules a shared demo password would not pass).
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from pcmd.accounts import services as account_services
from pcmd.accounts.models import Membership, User
from pcmd.accounts.scoping import set_active_membership
from pcmd.agencies import services as agency_services
from pcmd.agencies.models import Agency, FocalAgencyAssignment, InspectionTeam
from pcmd.demo import dataset
from pcmd.geography.models import AdminUnit

# Each domain app's demo data, in layering order (an establishment exists before a hotspot links to it). Each
# module has `load_demo(*, actor, report)`, idempotent, writing through its app's services.
DOMAIN_DEMOS: tuple[str, ...] = (
    "pcmd.planning.demo",
    "pcmd.establishments.demo",
    "pcmd.hotspots.demo",
    "pcmd.inspections.demo",
    "pcmd.criminal_cases.demo",
    "pcmd.person_sanctions.demo",
    "pcmd.tips.demo",
)

PRODUCTION_REFUSED = _(
    "Không nạp dữ liệu trình diễn khi chạy với cấu hình production (PCMD_ENVIRONMENT=production): dữ liệu "
    "trình diễn có mật khẩu chung, công khai."
)
MISSING_UNITS = _("Thiếu đơn vị hành chính: %(units)s. Hãy chạy: python manage.py load_admin_units")


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)
    passwords_reset: list[str] = field(default_factory=list)
    accounts: list[tuple[User, list[Membership]]] = field(default_factory=list)

    def count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.passwords_reset)


def refuse_in_production() -> None:
    if getattr(settings, "PCMD_ENVIRONMENT", "") == "production":
        raise ImproperlyConfigured(str(PRODUCTION_REFUSED))


def ensure_admin_units(stdout: object | None = None) -> None:
    """The demo needs the real units: load them when the table is empty (`make run` has usually done it)."""
    if not AdminUnit.objects.current().exists():
        call_command("load_admin_units", stdout=stdout)


class _Loader:
    def __init__(self, report: DemoReport, domains: tuple[str, ...]) -> None:
        self.report = report
        self.domains = domains
        self.units: dict[str, AdminUnit] = {}
        self.agencies: dict[str, Agency] = {}
        self.teams: dict[str, InspectionTeam] = {}
        self._admin: User | None = None

    @property
    def admin(self) -> User:
        """The demo administrator: agencies and teams are created through the services acting as them."""
        assert self._admin is not None, "administrator() runs first"
        return self._admin

    # --- units --------------------------------------------------------------------------------------------

    def find_units(self) -> None:
        wanted = {
            "province": (AdminUnit.Level.PROVINCE, dataset.PROVINCE_CODE, "Tỉnh Sơn La"),
            "other_province": (AdminUnit.Level.PROVINCE, dataset.OTHER_PROVINCE_CODE, "Tỉnh Lai Châu"),
            **{c.code: (AdminUnit.Level.COMMUNE, c.code, c.name) for c in dataset.COMMUNES},
        }
        missing = []
        for key, (level, code, name) in wanted.items():
            unit = AdminUnit.objects.current().filter(level=level, code=code).first()
            if unit is None:
                missing.append(f"{name} ({code})")
            else:
                self.units[key] = unit
        if missing:
            raise CommandError(MISSING_UNITS % {"units": ", ".join(missing)})

    # --- accounts -----------------------------------------------------------------------------------------

    def user(self, spec: dataset.AccountSpec) -> User:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            email = f"{spec.username}@pcmd.example"
            if self._admin is None:
                # The administrator is the bootstrap: nobody exists yet to create it through the service.
                user = User(
                    username=spec.username,
                    full_name=spec.full_name,
                    position=spec.position,
                    email=email,
                    is_staff=spec.is_superuser,
                    is_superuser=spec.is_superuser,
                )
                user.set_password(settings.PCMD_DEMO_PASSWORD)
                user.full_clean()
                user.save()
            else:
                user = account_services.user_create(
                    actor=self.admin,
                    username=spec.username,
                    password=settings.PCMD_DEMO_PASSWORD,
                    full_name=spec.full_name,
                    email=email,
                    position=spec.position,
                )
            self.report.count("accounts")
        elif not user.check_password(settings.PCMD_DEMO_PASSWORD):
            # The printed password must work: put it back if it was changed (or PCMD_DEMO_PASSWORD was).
            user.set_password(settings.PCMD_DEMO_PASSWORD)
            user.save(update_fields=["password"])
            self.report.passwords_reset.append(user.username)
        return user

    def membership(self, user: User, spec: dataset.MembershipSpec) -> Membership:
        unit = self.units[spec.unit] if spec.unit else None
        agency = self.agencies[spec.agency_key] if spec.agency_key else None
        team = self.teams[spec.team_key] if spec.team_key else None
        values = {"user": user, "role": spec.role, "unit": unit, "agency": agency, "team": team}
        membership = Membership.objects.filter(**values).first()
        if membership is None:
            if self._admin is None:  # the administrator's own membership: the bootstrap, as above
                membership = Membership(**values)
                membership.full_clean()
                membership.save()
            else:
                membership = account_services.membership_add(
                    actor=self.admin, user=user, role=spec.role, unit=unit, agency=agency, team=team
                )
            self.report.count("memberships")
        return membership

    def administrator(self) -> User:
        spec = next(a for a in dataset.ACCOUNTS if a.username == "demo.admin")
        admin = self.user(spec)
        membership = self.membership(admin, spec.memberships[0])
        set_active_membership(admin, membership)  # the services below act under this membership
        return admin

    # --- agencies and teams -------------------------------------------------------------------------------

    def agency(self, unit: AdminUnit, spec: dataset.AgencySpec) -> Agency:
        agency = Agency.objects.filter(unit=unit, name=spec.name).first()
        if agency is None:
            agency = agency_services.agency_create(
                actor=self.admin,
                unit=unit,
                kind=spec.kind,
                name=spec.name,
                short_name=spec.short_name,
                valid_to=spec.valid_to,
            )
            self.report.count("agencies")
        self.agencies[spec.key] = agency
        return agency

    def focal(
        self,
        unit: AdminUnit,
        agency: Agency,
        valid_from: datetime.date | None,
        valid_to: datetime.date | None,
    ) -> None:
        if FocalAgencyAssignment.objects.filter(unit=unit, agency=agency).exists():
            return
        agency_services.focal_agency_assign(
            actor=self.admin,
            unit=unit,
            agency=agency,
            valid_from=valid_from,
            valid_to=valid_to,
            legal_basis=dataset.FOCAL_LEGAL_BASIS if valid_from else "",
        )
        self.report.count("focal_assignments")

    def team(self, spec: dataset.TeamSpec, users: dict[str, User]) -> None:
        unit = self.units[spec.unit]
        team = InspectionTeam.objects.filter(unit=unit, name=spec.name).first()
        if team is None:
            team = agency_services.team_create(
                actor=self.admin,
                unit=unit,
                name=spec.name,
                lead_agency=self.agencies[spec.lead_key],
                established_on=spec.established_on,
            )
            self.report.count("teams")
        self.teams[spec.key] = team
        for member in spec.members:
            agency = self.agencies[member.agency_key]
            if team.members.filter(agency=agency, full_name=member.full_name).exists():
                continue
            agency_services.team_member_add(
                actor=self.admin,
                team=team,
                agency=agency,
                full_name=member.full_name,
                position=member.position,
                team_role=member.team_role,
                user=users.get(member.username),
                joined_on=spec.established_on,
            )
            self.report.count("team_members")

    # --- everything ---------------------------------------------------------------------------------------

    def run(self) -> None:
        self.find_units()
        self._admin = self.administrator()
        province, other = self.units["province"], self.units["other_province"]
        for agency in dataset.PROVINCIAL_AGENCIES:
            self.agency(province, agency)
        for commune in dataset.COMMUNES:
            for agency in dataset.commune_agencies(commune):
                self.agency(self.units[commune.code], agency)
        for agency in dataset.OTHER_PROVINCE_AGENCIES:
            self.agency(other, agency)
        self.focal(province, self.agencies["labour"], None, dataset.LABOUR_LAST_DAY)
        self.focal(province, self.agencies["health"], dataset.HEALTH_FIRST_DAY, None)
        self.focal(other, self.agencies["other:health"], dataset.HEALTH_FIRST_DAY, None)

        users = {account.username: self.user(account) for account in dataset.ACCOUNTS}
        for team in dataset.TEAMS:
            self.team(team, users)
        for account in dataset.ACCOUNTS:
            user = users[account.username]
            memberships = [self.membership(user, m) for m in account.memberships]
            self.report.accounts.append((user, memberships))
        for module in self.domains:
            importlib.import_module(module).load_demo(actor=self.admin, report=self.report)


@transaction.atomic
def demo_data_load(*, domains: tuple[str, ...] = DOMAIN_DEMOS) -> DemoReport:
    """Create what is missing of the demo data; all or nothing. Refused with production settings.

    `domains` chooses the domain apps' parts (tests of one app's demo start from the base data alone).
    """
    refuse_in_production()
    report = DemoReport()
    _Loader(report, domains).run()
    return report
