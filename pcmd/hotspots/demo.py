"""Demo hotspots for Sơn La: one in every status, one reactivated, one in a demo establishment when the
establishments demo has registered any. Dates are counted back from today, so the demo always shows activity
in the current year. Idempotent: a hotspot already there (same commune and name) is left as it is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots import services
from pcmd.hotspots.models import Hotspot, HotspotEvent

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

PROVINCE_CODE = "14"
E = HotspotEvent.Kind


@dataclass(frozen=True)
class DemoHotspot:
    commune: str  # commune code
    name: str
    kind: str
    address: str
    identified_days_ago: int
    description: str = ""
    coordinates: tuple[float, float] | None = None
    # (event kind, days ago, note), oldest first.
    events: tuple[tuple[str, int, str], ...] = ()


HOTSPOTS: tuple[DemoHotspot, ...] = (
    DemoHotspot(
        "03646",
        "Khu vực bờ kè suối Nậm La, tổ 3",
        Hotspot.Kind.PUBLIC_PLACE,
        "Tổ 3, phường Tô Hiệu",
        40,
        "Người dân phản ánh có đối tượng môi giới hoạt động về đêm.",
        (21.3262, 103.9131),
    ),
    DemoHotspot(
        "03667",
        "Khu vực ven đường tránh Quốc lộ 6, bản Híp",
        Hotspot.Kind.PUBLIC_PLACE,
        "Bản Híp, phường Chiềng An",
        120,
        "Tụ tập đón khách ven đường sau 22 giờ.",
        (21.3418, 103.9402),
        ((E.ACTION_STARTED, 105, "Công an phường lập kế hoạch đấu tranh, tuần tra ban đêm."),),
    ),
    DemoHotspot(
        "03847",
        "Khu nhà trọ bỏ hoang gần chợ Mường Bú",
        Hotspot.Kind.PUBLIC_PLACE,
        "Bản Mường Bú, xã Mường Bú",
        300,
        coordinates=(21.5262, 103.7441),
        events=(
            (E.ACTION_STARTED, 285, "Xác minh, lập danh sách đối tượng."),
            (E.ELIMINATED, 200, "Chủ đất tháo dỡ dãy trọ; không còn hoạt động."),
        ),
    ),
    DemoHotspot(
        "03847",
        "Bãi đất trống sau bến xe khách Mường Bú",
        Hotspot.Kind.PUBLIC_PLACE,
        "Khu vực bến xe, xã Mường Bú",
        420,
        coordinates=(21.5221, 103.7392),
        events=(
            (E.ACTION_STARTED, 400, ""),
            (E.ELIMINATED, 330, "Lắp đèn chiếu sáng, tổ an ninh tự quản tuần tra."),
            (E.MONITORING_STARTED, 320, ""),
            (E.CHECK, 230, "Kiểm tra định kỳ: không phát hiện dấu hiệu hoạt động trở lại."),
            (E.CHECK, 140, "Kiểm tra định kỳ: không phát hiện dấu hiệu hoạt động trở lại."),
        ),
    ),
    DemoHotspot(
        "04045",
        "Khu vực chợ cửa khẩu Lóng Sập",
        Hotspot.Kind.PUBLIC_PLACE,
        "Khu chợ cửa khẩu, xã Lóng Sập",
        500,
        "Địa bàn giáp biên giới; người lao động tự do tụ tập.",
        events=(
            (E.ACTION_STARTED, 485, ""),
            (E.ELIMINATED, 400, "Phối hợp Đồn Biên phòng triệt xóa."),
            (E.MONITORING_STARTED, 395, ""),
            (E.CHECK, 300, "Không phát hiện dấu hiệu."),
            (E.REACTIVATED, 90, "Phát hiện nhóm đối tượng hoạt động trở lại tại khu nhà nghỉ ven chợ."),
        ),
    ),
)


def _identifying_agency(unit: AdminUnit) -> Agency | None:
    """The commune's police, else the provincial police (the agencies the demo dataset creates)."""
    for candidate in (unit, unit.parent):
        if candidate is None:
            continue
        agency = Agency.objects.filter(unit=candidate, kind=AgencyKind.POLICE).order_by("id").first()
        if agency is not None:
            return agency
    return None


def _create(
    spec: DemoHotspot,
    *,
    actor: User,
    report: DemoReport,
    unit: AdminUnit,
    establishment: Establishment | None = None,
) -> None:
    if Hotspot.objects.filter(unit=unit, name=spec.name, is_deleted=False).exists():
        return
    agency = _identifying_agency(unit)
    if agency is None:
        return
    day = today()
    hotspot = services.hotspot_create(
        actor=actor,
        unit=unit,
        kind=spec.kind,
        name=spec.name,
        address=spec.address,
        description=spec.description,
        latitude=spec.coordinates[0] if spec.coordinates else None,
        longitude=spec.coordinates[1] if spec.coordinates else None,
        establishment=establishment,
        identified_on=day - datetime.timedelta(days=spec.identified_days_ago),
        identified_by=agency,
    )
    report.count("hotspots")
    for kind, days_ago, note in spec.events:
        services.hotspot_event_record(
            actor=actor,
            hotspot=hotspot,
            kind=kind,
            occurred_on=day - datetime.timedelta(days=days_ago),
            version=hotspot.version,
            note=note,
        )
        report.count("hotspot_events")


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create the demo hotspots that are missing, through the services, acting as `actor`."""
    communes = {
        unit.code: unit
        for unit in AdminUnit.objects.current().filter(
            level=AdminUnit.Level.COMMUNE, code__in={spec.commune for spec in HOTSPOTS}
        )
    }
    for spec in HOTSPOTS:
        unit = communes.get(spec.commune)
        if unit is not None:
            _create(spec, actor=actor, report=report, unit=unit)

    establishment = (
        Establishment.objects.filter(
            is_deleted=False, unit__parent__code=PROVINCE_CODE, unit__era=AdminUnit.Era.CURRENT
        )
        .select_related("unit")
        .order_by("id")
        .first()
    )
    if establishment is not None:
        linked = DemoHotspot(
            establishment.unit.code,
            f"Hoạt động mại dâm trá hình tại {establishment.name}"[:255],
            Hotspot.Kind.ESTABLISHMENT,
            establishment.address,
            60,
            "Nhân viên phục vụ bán dâm cho khách tại phòng riêng.",
            events=((E.ACTION_STARTED, 50, "Đội kiểm tra liên ngành 178 kiểm tra đột xuất."),),
        )
        if not Hotspot.objects.filter(establishment=establishment, is_deleted=False).exists():
            _create(linked, actor=actor, report=report, unit=establishment.unit, establishment=establishment)
