"""Demo establishments for Sơn La: 25 establishments over the four demo communes, a mix of types and
statuses, with licences (some expired), commitments and worker health-check rounds.

Idempotent: what exists (same commune and name) is left as it is; everything is created through the
services, acting as the given actor (the demo administrator).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pcmd.accounts.models import User
from pcmd.establishments import services
from pcmd.establishments.models import (
    Commitment,
    Establishment,
    EstablishmentType,
    Licence,
    StatusChangeSource,
)
from pcmd.geography.models import AdminUnit

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

D = datetime.date
K = Licence.Kind
S = Establishment.Status
CA_SON_LA = "Công an tỉnh Sơn La"
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
BUSINESS_OFFICE = "Phòng Tài chính - Kế hoạch"


@dataclass(frozen=True)
class LicenceSpec:
    kind: str
    number: str
    issuer: str
    issued_on: datetime.date
    expires_on: datetime.date | None = None


@dataclass(frozen=True)
class EstablishmentSpec:
    commune: str
    type_code: str
    name: str
    address: str
    owner: str
    phone: str
    workers: int
    opened_on: datetime.date
    licences: tuple[LicenceSpec, ...] = ()
    # A status other than operating is reached through a dated status change with its reason.
    status: str = S.OPERATING
    status_on: datetime.date | None = None
    status_reason: str = ""
    owner_commitment_on: datetime.date | None = None
    worker_commitments: tuple[tuple[str, datetime.date], ...] = ()
    health_checks: tuple[tuple[datetime.date, int, str], ...] = field(default_factory=tuple)
    latitude: float | None = None
    longitude: float | None = None


TO_HIEU, CHIENG_AN, MUONG_BU, LONG_SAP = "03646", "03667", "03847", "04045"
TTYT_SON_LA = "Trung tâm Y tế thành phố Sơn La"
TTYT_MUONG_LA = "Trung tâm Y tế huyện Mường La"
TTYT_MOC_CHAU = "Trung tâm Y tế Mộc Châu"

ESTABLISHMENTS: tuple[EstablishmentSpec, ...] = (
    # Phường Tô Hiệu: the centre of the former Sơn La city.
    EstablishmentSpec(
        TO_HIEU,
        "khach-san",
        "Khách sạn Hoa Ban Trắng",
        "Số 18 đường Tô Hiệu, tổ 2",
        "Lò Văn Thành",
        "0912 441 208",
        14,
        D(2015, 4, 10),
        (
            LicenceSpec(K.SECURITY_ORDER, "32/GCN-ANTT", CA_SON_LA, D(2021, 6, 15)),
            LicenceSpec(K.BUSINESS_REGISTRATION, "5500412345", BUSINESS_OFFICE, D(2015, 3, 20)),
        ),
        owner_commitment_on=D(2025, 8, 12),
        worker_commitments=(("Cầm Thị Hoa", D(2025, 8, 12)), ("Lường Văn Nam", D(2025, 8, 12))),
        health_checks=((D(2024, 9, 20), 13, TTYT_SON_LA), (D(2025, 9, 18), 14, TTYT_SON_LA)),
        latitude=21.3275,
        longitude=103.9145,
    ),
    EstablishmentSpec(
        TO_HIEU,
        "karaoke",
        "Karaoke Ánh Dương",
        "Số 45 đường Chu Văn Thịnh, tổ 5",
        "Hoàng Văn Dũng",
        "0983 215 667",
        8,
        D(2018, 9, 1),
        (
            LicenceSpec(K.SECURITY_ORDER, "47/GCN-ANTT", CA_SON_LA, D(2018, 8, 20)),
            LicenceSpec(K.KARAOKE, "12/GP-SVHTTDL", SO_VHTTDL, D(2019, 3, 2), D(2024, 3, 1)),
        ),
        owner_commitment_on=D(2025, 8, 12),
        health_checks=((D(2024, 10, 5), 6, TTYT_SON_LA),),
    ),
    EstablishmentSpec(
        TO_HIEU,
        "nha-nghi",
        "Nhà nghỉ Bình An",
        "Ngõ 12 đường Lò Văn Giá, tổ 7",
        "Quàng Thị Bình",
        "0974 330 112",
        3,
        D(2016, 5, 15),
        (LicenceSpec(K.SECURITY_ORDER, "58/GCN-ANTT", CA_SON_LA, D(2016, 5, 2)),),
        owner_commitment_on=D(2025, 8, 13),
    ),
    EstablishmentSpec(
        TO_HIEU,
        "massage",
        "Massage Thảo Mộc",
        "Số 7 đường Trường Chinh, tổ 1",
        "Nguyễn Thị Lan",
        "0936 778 901",
        6,
        D(2020, 1, 6),
        (LicenceSpec(K.SECURITY_ORDER, "03/GCN-ANTT", CA_SON_LA, D(2019, 12, 20)),),
        status=S.SUSPENDED,
        status_on=D(2025, 11, 3),
        status_reason="Chủ cơ sở đề nghị tạm ngừng hoạt động để sửa chữa, cải tạo.",
        owner_commitment_on=D(2025, 2, 10),
        worker_commitments=(("Vì Thị Thu", D(2025, 2, 10)),),
        health_checks=((D(2025, 3, 14), 6, TTYT_SON_LA),),
    ),
    EstablishmentSpec(
        TO_HIEU,
        "ca-phe-den-mo",
        "Cà phê Góc Phố",
        "Số 101 đường Tô Hiệu, tổ 4",
        "Đinh Văn Hải",
        "0915 602 334",
        4,
        D(2021, 7, 1),
        owner_commitment_on=D(2025, 8, 14),
    ),
    EstablishmentSpec(
        TO_HIEU,
        "homestay",
        "Homestay Bản Mòng",
        "Tổ 9, phường Tô Hiệu",
        "Tòng Văn Mòng",
        "0966 120 458",
        2,
        D(2022, 4, 30),
        (LicenceSpec(K.BUSINESS_REGISTRATION, "14A8001234", BUSINESS_OFFICE, D(2022, 4, 12)),),
    ),
    EstablishmentSpec(
        TO_HIEU,
        "quan-bar",
        "Quán bar Đêm Xanh",
        "Số 22 đường Nguyễn Lương Bằng, tổ 3",
        "Trần Minh Đức",
        "0904 559 871",
        7,
        D(2019, 11, 11),
        (LicenceSpec(K.SECURITY_ORDER, "71/GCN-ANTT", CA_SON_LA, D(2019, 10, 28)),),
        status=S.CLOSED,
        status_on=D(2025, 8, 20),
        status_reason="Chủ cơ sở chấm dứt kinh doanh.",
    ),
    EstablishmentSpec(
        TO_HIEU,
        "spa",
        "Spa Hương Sen",
        "Số 56 đường Tô Hiệu, tổ 6",
        "Lê Thị Hương",
        "0989 441 003",
        5,
        D(2023, 2, 14),
        owner_commitment_on=D(2025, 8, 14),
        worker_commitments=(("Lò Thị Sen", D(2025, 8, 14)), ("Cầm Thị Nga", D(2025, 8, 14))),
        health_checks=((D(2025, 9, 18), 5, TTYT_SON_LA),),
    ),
    # Phường Chiềng An.
    EstablishmentSpec(
        CHIENG_AN,
        "nha-nghi",
        "Nhà nghỉ Suối Nậm La",
        "Bản Hài, phường Chiềng An",
        "Lò Văn Hài",
        "0912 887 230",
        3,
        D(2017, 6, 1),
        (LicenceSpec(K.SECURITY_ORDER, "88/GCN-ANTT", CA_SON_LA, D(2017, 5, 22)),),
        owner_commitment_on=D(2025, 8, 20),
    ),
    EstablishmentSpec(
        CHIENG_AN,
        "karaoke",
        "Karaoke Hoa Sơn",
        "Số 3 đường Lê Duẩn, tổ 2",
        "Phạm Văn Sơn",
        "0978 334 120",
        9,
        D(2017, 3, 8),
        (
            LicenceSpec(K.SECURITY_ORDER, "91/GCN-ANTT", CA_SON_LA, D(2017, 2, 25)),
            LicenceSpec(K.KARAOKE, "27/GP-SVHTTDL", SO_VHTTDL, D(2022, 5, 10), D(2027, 5, 9)),
        ),
        owner_commitment_on=D(2025, 8, 20),
        worker_commitments=(("Hà Thị Mai", D(2025, 8, 21)),),
        health_checks=((D(2025, 10, 2), 9, TTYT_SON_LA),),
    ),
    EstablishmentSpec(
        CHIENG_AN,
        "nha-hang",
        "Nhà hàng Sơn Hà",
        "Số 120 đường Lê Duẩn, tổ 4",
        "Bùi Thị Hà",
        "0945 002 781",
        12,
        D(2014, 10, 20),
        (LicenceSpec(K.BUSINESS_REGISTRATION, "5500398765", BUSINESS_OFFICE, D(2014, 10, 1)),),
    ),
    EstablishmentSpec(
        CHIENG_AN,
        "cat-toc-goi-dau",
        "Cắt tóc gội đầu Thanh Xuân",
        "Tổ 6, phường Chiềng An",
        "Vũ Thị Xuân",
        "0967 455 218",
        3,
        D(2022, 9, 5),
        owner_commitment_on=D(2025, 8, 21),
    ),
    EstablishmentSpec(
        CHIENG_AN,
        "nha-tro",
        "Nhà trọ Hòa Bình",
        "Bản Co Pục, phường Chiềng An",
        "Điêu Văn Bình",
        "0916 230 889",
        1,
        D(2019, 8, 15),
    ),
    EstablishmentSpec(
        CHIENG_AN,
        "xong-hoi",
        "Xông hơi Thảo Dược Chiềng An",
        "Số 9 đường Lê Duẩn, tổ 1",
        "Mạc Thị Dung",
        "0988 712 406",
        4,
        D(2021, 12, 1),
        (LicenceSpec(K.SECURITY_ORDER, "15/GCN-ANTT", CA_SON_LA, D(2021, 11, 19)),),
        owner_commitment_on=D(2025, 8, 21),
        health_checks=((D(2025, 4, 22), 4, TTYT_SON_LA),),
    ),
    # Xã Mường Bú (former Mường La district).
    EstablishmentSpec(
        MUONG_BU,
        "nha-nghi",
        "Nhà nghỉ Mường Bú",
        "Bản Bú, xã Mường Bú",
        "Quàng Văn Bú",
        "0912 554 671",
        2,
        D(2016, 2, 1),
        (LicenceSpec(K.SECURITY_ORDER, "09/GCN-ANTT", CA_SON_LA, D(2016, 1, 18)),),
        owner_commitment_on=D(2025, 9, 3),
    ),
    EstablishmentSpec(
        MUONG_BU,
        "karaoke",
        "Karaoke Bản Bú",
        "Bản Bú, xã Mường Bú",
        "Lò Văn Khánh",
        "0975 118 443",
        5,
        D(2019, 4, 20),
        (
            LicenceSpec(K.SECURITY_ORDER, "22/GCN-ANTT", CA_SON_LA, D(2019, 4, 1)),
            LicenceSpec(K.KARAOKE, "05/GP-SVHTTDL", SO_VHTTDL, D(2019, 4, 10), D(2024, 4, 9)),
        ),
        owner_commitment_on=D(2025, 9, 3),
        worker_commitments=(("Lò Thị Phương", D(2025, 9, 4)),),
        health_checks=((D(2025, 9, 25), 5, TTYT_MUONG_LA),),
    ),
    EstablishmentSpec(
        MUONG_BU,
        "nha-hang",
        "Nhà hàng Suối Bú",
        "Bản Pom Mòn, xã Mường Bú",
        "Cà Văn Pom",
        "0348 220 915",
        6,
        D(2020, 6, 10),
    ),
    EstablishmentSpec(
        MUONG_BU,
        "nha-tro",
        "Nhà trọ công nhân Nậm Chiến",
        "Bản Hua Bó, xã Mường Bú",
        "Lường Thị Hoa",
        "0389 774 250",
        1,
        D(2018, 3, 5),
    ),
    EstablishmentSpec(
        MUONG_BU,
        "ca-phe-den-mo",
        "Cà phê Nậm Bú",
        "Bản Bú, xã Mường Bú",
        "Hoàng Văn Tú",
        "0396 551 702",
        3,
        D(2023, 5, 1),
        status=S.SUSPENDED,
        status_on=D(2025, 10, 15),
        status_reason="Tạm ngừng hoạt động theo yêu cầu của Ủy ban nhân dân xã sau kiểm tra.",
        owner_commitment_on=D(2025, 9, 5),
    ),
    EstablishmentSpec(
        MUONG_BU,
        "tam-khoang",
        "Tắm khoáng Mường Bú",
        "Bản Nà Lốc, xã Mường Bú",
        "Tòng Văn Lốc",
        "0358 664 017",
        4,
        D(2021, 1, 15),
        owner_commitment_on=D(2025, 9, 5),
        health_checks=((D(2025, 6, 11), 4, TTYT_MUONG_LA),),
    ),
    # Xã Lóng Sập: the border gate with Laos.
    EstablishmentSpec(
        LONG_SAP,
        "nha-nghi",
        "Nhà nghỉ Cửa Khẩu",
        "Bản Pa Khen 1, xã Lóng Sập",
        "Sồng A Lử",
        "0912 308 556",
        3,
        D(2017, 10, 2),
        (LicenceSpec(K.SECURITY_ORDER, "64/GCN-ANTT", CA_SON_LA, D(2017, 9, 20)),),
        owner_commitment_on=D(2025, 9, 10),
        health_checks=((D(2025, 10, 8), 3, TTYT_MOC_CHAU),),
    ),
    EstablishmentSpec(
        LONG_SAP,
        "karaoke",
        "Karaoke Biên Cương",
        "Bản Pa Khen 2, xã Lóng Sập",
        "Mùa A Chứ",
        "0963 450 229",
        6,
        D(2020, 8, 18),
        (
            LicenceSpec(K.SECURITY_ORDER, "77/GCN-ANTT", CA_SON_LA, D(2020, 8, 1)),
            LicenceSpec(K.KARAOKE, "31/GP-SVHTTDL", SO_VHTTDL, D(2020, 8, 10), D(2025, 8, 9)),
        ),
        owner_commitment_on=D(2025, 9, 10),
        worker_commitments=(("Giàng Thị Mỷ", D(2025, 9, 11)), ("Vừ Thị Dua", D(2025, 9, 11))),
        health_checks=((D(2025, 9, 20), 6, TTYT_MOC_CHAU),),
    ),
    EstablishmentSpec(
        LONG_SAP,
        "nha-hang",
        "Nhà hàng Lóng Sập",
        "Bản Lóng Sập, xã Lóng Sập",
        "Hà Văn Thịnh",
        "0327 118 906",
        5,
        D(2018, 12, 1),
    ),
    EstablishmentSpec(
        LONG_SAP,
        "massage",
        "Massage chân Cửa Khẩu",
        "Bản Pa Khen 1, xã Lóng Sập",
        "Lý Thị Hằng",
        "0386 902 314",
        4,
        D(2022, 3, 3),
        (LicenceSpec(K.SECURITY_ORDER, "19/GCN-ANTT", CA_SON_LA, D(2022, 2, 15), D(2025, 2, 14)),),
    ),
    EstablishmentSpec(
        LONG_SAP,
        "nha-tro",
        "Nhà trọ Pha Luông",
        "Bản Pha Luông, xã Lóng Sập",
        "Thào A Páo",
        "0345 602 781",
        1,
        D(2019, 5, 20),
        status=S.CLOSED,
        status_on=D(2025, 7, 30),
        status_reason="Chủ cơ sở chuyển đi nơi khác.",
    ),
)


def _create(actor: User, unit: AdminUnit, spec: EstablishmentSpec, report: DemoReport) -> Establishment:
    establishment = services.establishment_create(
        actor=actor,
        unit=unit,
        type=EstablishmentType.objects.get(code=spec.type_code),
        name=spec.name,
        address=spec.address,
        owner_name=spec.owner,
        owner_phone=spec.phone,
        worker_count=spec.workers,
        opened_on=spec.opened_on,
        latitude=spec.latitude,
        longitude=spec.longitude,
        licences=[
            {
                "kind": licence.kind,
                "number": licence.number,
                "issuer": licence.issuer,
                "issued_on": licence.issued_on,
                "expires_on": licence.expires_on,
            }
            for licence in spec.licences
        ],
        confirm_duplicates=True,
    )
    report.count("establishments")
    for _licence in spec.licences:
        report.count("establishment_licences")
    return establishment


def _complete(actor: User, establishment: Establishment, spec: EstablishmentSpec, report: DemoReport) -> None:
    """Add what is missing: commitments, health checks, the status change."""
    commitments = (
        [(Commitment.Kind.OWNER_COMMUNE, spec.owner, spec.owner_commitment_on)]
        if spec.owner_commitment_on
        else []
    )
    commitments += [(Commitment.Kind.WORKER_OWNER, name, day) for name, day in spec.worker_commitments]
    for kind, party, day in commitments:
        assert day is not None
        if not establishment.commitments.filter(kind=kind, party_name=party, signed_on=day).exists():
            services.commitment_add(
                actor=actor, establishment=establishment, kind=kind, signed_on=day, party_name=party
            )
            report.count("establishment_commitments")
    for day, workers, provider in spec.health_checks:
        if not establishment.health_checks.filter(checked_on=day).exists():
            services.health_check_add(
                actor=actor,
                establishment=establishment,
                checked_on=day,
                workers_checked=workers,
                provider=provider,
            )
            report.count("establishment_health_checks")
    already_changed = establishment.status_changes.exclude(source=StatusChangeSource.REGISTRATION).exists()
    if spec.status != S.OPERATING and establishment.status == S.OPERATING and not already_changed:
        services.establishment_status_change(
            actor=actor,
            establishment=establishment,
            to_status=spec.status,
            reason=spec.status_reason,
            effective_on=spec.status_on,
        )
        report.count("establishment_status_changes")


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create the demo establishments that are missing (communes not loaded are skipped)."""
    communes = {
        unit.code: unit
        for unit in AdminUnit.objects.current().filter(
            level=AdminUnit.Level.COMMUNE, code__in={spec.commune for spec in ESTABLISHMENTS}
        )
    }
    for spec in ESTABLISHMENTS:
        unit = communes.get(spec.commune)
        if unit is None:
            continue
        establishment = Establishment.objects.filter(unit=unit, name=spec.name, is_deleted=False).first()
        if establishment is None:
            establishment = _create(actor, unit, spec, report)
        _complete(actor, establishment, spec, report)
