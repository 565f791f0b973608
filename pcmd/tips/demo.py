"""Demo tips for Sơn La: one or more in every status, two overdue, from every channel, with message threads
with the citizen, and the province's routing rules. Dates are counted back from now. Idempotent: a tip already
there (same commune, category and channel in Sơn La) is left as it is. Prints nothing: the receipts are
thrown away, and the informants' details exist only encrypted in the database."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.agencies.models import AgencyKind
from pcmd.geography.models import AdminUnit
from pcmd.tips import services
from pcmd.tips.models import RoutingRule, Tip, TipCategory, TipChannel, TipOutcome, TipStatus

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

PROVINCE_CODE = "14"
C, H, S = TipCategory, TipChannel, TipStatus

ROUTING: dict[str, str] = {
    C.PROSTITUTION: AgencyKind.POLICE,
    C.BROTHEL: AgencyKind.POLICE,
    C.BROKERING: AgencyKind.POLICE,
    C.MINOR: AgencyKind.POLICE,
    C.TRAFFICKING: AgencyKind.POLICE,
    C.ONLINE: AgencyKind.POLICE,
    C.ESTABLISHMENT: AgencyKind.CULTURE_SPORTS_TOURISM,
}


@dataclass(frozen=True)
class DemoTip:
    commune: str  # commune code, or "" for the province
    channel: str
    category: str
    days_ago: int
    content: str
    place: str = ""
    status: str = S.RECEIVED
    source_reference: str = ""
    contact: services.Contact | None = None
    persons_count: int | None = None
    outcome: str = ""
    outcome_reference: str = ""
    # (sender, text) in order: "officer" or "citizen".
    thread: tuple[tuple[str, str], ...] = field(default_factory=tuple)


TIPS: tuple[DemoTip, ...] = (
    DemoTip(
        "03646",
        H.ONLINE,
        C.ESTABLISHMENT,
        0,
        "Quán karaoke trên đường Tô Hiệu mở cửa sau 0 giờ, có nhân viên nữ ngồi cùng khách và đi ra "
        "ngoài với khách sau khi hát.",
        "Đường Tô Hiệu, tổ 5",
        thread=(
            ("officer", "Cảm ơn bạn đã báo tin. Bạn có thể cho biết tên quán hoặc số nhà không?"),
            ("citizen", "Quán ở gần ngã ba, biển hiệu màu xanh, thường đông khách vào tối thứ Bảy."),
        ),
    ),
    DemoTip(
        "03646",
        H.HOTLINE,
        C.PROSTITUTION,
        6,
        "Người dân gọi đường dây nóng: có đối tượng đón khách ven bờ suối Nậm La sau 22 giờ.",
        "Bờ suối Nậm La, tổ 3",
    ),
    DemoTip(
        "04045",
        H.HOTLINE,
        C.BROKERING,
        4,
        "Có người đứng ở khu chợ cửa khẩu mời khách, dẫn vào nhà nghỉ gần chợ.",
        "Khu chợ cửa khẩu Lóng Sập",
    ),
    DemoTip(
        "03667",
        H.TIP_BOX,
        C.BROKERING,
        3,
        "Thư trong hòm thư tố giác: một người đàn ông thường xuyên giới thiệu phụ nữ cho khách ở quán nước "
        "ven đường tránh.",
        "Bản Híp, phường Chiềng An",
        status=S.VERIFYING,
        thread=(("officer", "Chúng tôi đã nhận tin và đang xác minh. Cảm ơn bạn."),),
    ),
    DemoTip(
        "03847",
        H.IN_PERSON,
        C.BROTHEL,
        12,
        "Một người dân đến trụ sở Ủy ban nhân dân xã trình báo: nhà trọ gần bến xe cho thuê phòng theo giờ, "
        "có phụ nữ ở lại phục vụ khách.",
        "Khu vực bến xe khách Mường Bú",
        status=S.CLASSIFIED,
        contact=services.Contact(full_name="Lò Văn Minh Họa", phone="0987 000 111"),
        persons_count=3,
    ),
    DemoTip(
        "04045",
        H.TRANSFERRED,
        C.TRAFFICKING,
        25,
        "Đồn Biên phòng chuyển tin: nghi vấn đưa hai phụ nữ sang biên giới với lời hứa việc làm.",
        "Cửa khẩu quốc tế Lóng Sập",
        status=S.HANDLED,
        source_reference="Đồn Biên phòng cửa khẩu quốc tế Lóng Sập, công văn số 45/ĐBP",
        outcome=TipOutcome.CRIMINAL_CASE_OPENED,
        outcome_reference="Vụ án số 03/2026, Cơ quan Cảnh sát điều tra Công an tỉnh Sơn La",
    ),
    DemoTip(
        "03847",
        H.HOTLINE,
        C.ESTABLISHMENT,
        9,
        "Cơ sở xoa bóp trên quốc lộ có nhân viên mời khách sử dụng dịch vụ tình dục.",
        "Quốc lộ 279, xã Mường Bú",
        status=S.HANDLED,
        outcome=TipOutcome.SANCTION,
        outcome_reference="Quyết định xử phạt số 15/QĐ-XPHC",
        thread=(
            ("officer", "Đoàn kiểm tra đã làm việc với cơ sở và xử phạt vi phạm hành chính. Cảm ơn bạn."),
        ),
    ),
    DemoTip(
        "",
        H.LETTER,
        C.ONLINE,
        40,
        'Đơn phản ánh: một trang mạng xã hội đăng quảng cáo dịch vụ "gái gọi" tại thành phố, kèm số điện '
        "thoại liên hệ.",
        status=S.CLOSED,
        outcome=TipOutcome.TRANSFERRED,
        outcome_reference="Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh",
    ),
    DemoTip(
        "03667",
        H.ONLINE,
        C.MINOR,
        0,
        "Tôi thấy một nữ sinh khoảng 16 tuổi thường bị một người đàn ông đưa đến nhà nghỉ vào buổi tối.",
        "Phường Chiềng An",
    ),
)


def _exists(province: AdminUnit, commune: AdminUnit | None, spec: DemoTip) -> bool:
    return Tip.objects.filter(
        province=province, location_unit=commune, category=spec.category, channel=spec.channel
    ).exists()


def _advance(tip: Tip, spec: DemoTip, actor: User) -> None:
    order = [S.RECEIVED, S.VERIFYING, S.CLASSIFIED, S.HANDLED, S.CLOSED]
    notes = {
        S.VERIFYING: "Giao Công an cấp xã xác minh.",
        S.CLASSIFIED: "Đã xác minh, có dấu hiệu vi phạm.",
        S.HANDLED: "Đã xử lý theo thẩm quyền.",
        S.CLOSED: "Đóng hồ sơ tin báo.",
    }
    while order.index(S(tip.status)) < order.index(S(spec.status)):
        target = order[order.index(S(tip.status)) + 1]
        extra: dict[str, Any] = {}
        if target == S.CLASSIFIED and spec.persons_count is not None:
            extra["persons_count"] = spec.persons_count
        if target == S.HANDLED:
            extra.update(outcome=spec.outcome, outcome_reference=spec.outcome_reference)
        services.tip_transition(
            actor=actor, tip=tip, to_status=target, version=tip.version, note=notes[target], **extra
        )


def _create(spec: DemoTip, *, actor: User, province: AdminUnit, commune: AdminUnit | None) -> Tip:
    if spec.channel == H.ONLINE:
        return services.tip_submit_public(
            category=spec.category,
            province=province,
            location_unit=commune,
            place=spec.place,
            content=spec.content,
            contact=spec.contact,
        ).tip
    received = timezone.now() - datetime.timedelta(days=spec.days_ago, hours=2)
    return services.tip_intake(
        actor=actor,
        channel=spec.channel,
        received_at=received,
        category=spec.category,
        province=province,
        location_unit=commune,
        place=spec.place,
        content=spec.content,
        source_reference=spec.source_reference,
        contact=spec.contact,
    ).tip


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create the demo routing rules and tips that are missing, through the services, acting as `actor`."""
    province = AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE, code=PROVINCE_CODE).first()
    if province is None:
        return
    for category, kind in ROUTING.items():
        if not RoutingRule.objects.filter(province=province, category=category).exists():
            services.routing_rule_set(actor=actor, province=province, category=category, agency_kind=kind)
            report.count("tip_routing_rules")
    communes = {
        unit.code: unit
        for unit in AdminUnit.objects.current().filter(level=AdminUnit.Level.COMMUNE, parent=province)
    }
    for spec in TIPS:
        commune = communes.get(spec.commune) if spec.commune else None
        if spec.commune and commune is None:
            continue
        if _exists(province, commune, spec):
            continue
        tip = _create(spec, actor=actor, province=province, commune=commune)
        report.count("tips")
        for sender, text in spec.thread:
            if sender == "officer":
                services.tip_message_send(actor=actor, tip=tip, body=text)
            else:
                services.tip_reply_from_citizen(tip=tip, body=text)
            report.count("tip_messages")
        _advance(tip, spec, actor)
