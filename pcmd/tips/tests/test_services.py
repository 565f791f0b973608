import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from pcmd.agencies.models import AgencyKind
from pcmd.audit.models import AccessLog
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.hotspots.models import Hotspot
from pcmd.inspections.tests.factories import InspectionFactory
from pcmd.tips import services
from pcmd.tips.models import (
    Informant,
    RoutingRule,
    StageDeadline,
    Tip,
    TipAttachment,
    TipCategory,
    TipChannel,
    TipEvent,
    TipMessage,
    TipOutcome,
    TipStatus,
)
from pcmd.tips.selectors import tip_by_receipt
from pcmd.tips.services import intake as intake_module
from pcmd.tips.services import triage
from pcmd.tips.tests.factories import (
    INFORMANT_NAME,
    PDF_BYTES,
    TIP_TEXT,
    disguised,
    named_informant,
    png,
    submit,
    walk,
)
from pcmd.tips.workflow import stage_days

S = TipStatus


def errors_of(exc_info):
    return {
        field: [str(e.message % (e.params or {})) for e in errors]
        for field, errors in exc_info.value.error_dict.items()
    }


# --- the portal ---------------------------------------------------------------------------------------------


def test_a_citizen_tip_goes_to_the_commune_of_the_location_with_its_event_and_receipt(son_la, commune):
    # when
    submitted = submit(son_la, commune, contact=named_informant(), attachments=[png()])
    # then
    tip = Tip.objects.get()
    assert tip.routed_unit == commune and tip.channel == TipChannel.ONLINE and tip.status == S.RECEIVED
    assert tip.received_by is None and tip.content == TIP_TEXT
    assert tip.informant.full_name == INFORMANT_NAME
    assert tip.attachments.get().content_type == "image/png"
    assert list(tip.events.values_list("kind", "to_status")) == [(TipEvent.Kind.RECEIVED, S.RECEIVED)]
    assert tip_by_receipt(submitted.receipt) == tip


def test_a_tip_without_a_commune_goes_to_the_province(son_la):
    assert submit(son_la).tip.routed_unit == son_la


def test_the_receipt_is_never_stored_only_its_hash_and_lookup_key(son_la, commune):
    submitted = submit(son_la, commune)
    tip = Tip.objects.get()
    code = submitted.receipt.replace("-", "")
    assert len(code) == 24
    assert code not in tip.receipt_hash and code not in tip.receipt_lookup
    assert code[:8] not in tip.receipt_lookup


def test_an_anonymous_tip_has_no_informant_row(son_la, commune):
    submit(son_la, commune, contact=services.Contact())
    assert not Informant.objects.exists()


def test_the_routing_rule_picks_the_communes_agency_before_the_provinces(
    son_la, commune, other_commune, commune_police, province_police
):
    # given tips about establishments go to the police in Sơn La
    RoutingRule.objects.create(
        province=son_la, category=TipCategory.ESTABLISHMENT, agency_kind=AgencyKind.POLICE
    )
    # when
    in_commune = submit(son_la, commune).tip
    in_other = submit(son_la, other_commune).tip
    other_category = submit(son_la, commune, category=TipCategory.TRAFFICKING).tip
    # then the commune has its own police; the other commune falls back on the province's
    assert in_commune.routed_agency == commune_police
    assert in_other.routed_agency == province_police
    assert other_category.routed_agency is None


def test_every_problem_is_reported_at_once_and_nothing_is_saved(son_la, other_province_commune):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_submit_public(
            category="nonsense",
            province=son_la,
            location_unit=other_province_commune,
            content="   ",
            contact=services.Contact(phone="gọi tôi", email="not-an-email"),
        )
    assert set(errors_of(exc_info)) == {"category", "location_unit", "content", "phone", "email"}
    assert not Tip.objects.exists()


def test_a_disguised_attachment_is_refused_and_nothing_is_saved(son_la, commune, media_in_tmp):
    with pytest.raises(ValidationError) as exc_info:
        submit(son_la, commune, attachments=[png(), disguised("anh.jpg")])
    assert "anh.jpg" in errors_of(exc_info)["attachments"][0]
    assert not Tip.objects.exists() and not TipAttachment.objects.exists()
    assert not media_in_tmp.exists() or not any(p.is_file() for p in media_in_tmp.rglob("*"))


def test_too_many_or_too_large_attachments_are_refused(son_la, settings):
    settings.PCMD_TIP_MAX_ATTACHMENT_MB = 1
    with pytest.raises(ValidationError) as too_many:
        submit(son_la, attachments=[png(f"{i}.png") for i in range(6)])
    assert errors_of(too_many)["attachments"] == ["Chỉ được gửi tối đa 5 tệp."]
    big = png("to.png")
    big.size = 2 * 1024 * 1024
    with pytest.raises(ValidationError) as too_large:
        submit(son_la, attachments=[big])
    assert errors_of(too_large)["attachments"] == ["Tệp «to.png» lớn hơn 1 MB."]


def test_pdf_documents_are_accepted_by_their_content(son_la):
    from django.core.files.uploadedfile import SimpleUploadedFile

    submit(son_la, attachments=[SimpleUploadedFile("bien-ban.bin", PDF_BYTES, content_type="text/plain")])
    assert TipAttachment.objects.get().content_type == "application/pdf"


def test_html_in_the_text_is_stored_as_typed(son_la):
    text = '<script>alert("x")</script> quán <b>Hoa Hồng</b>'
    assert submit(son_la, content=text).tip.content == text


def test_the_first_stage_deadline_comes_from_the_default(son_la):
    tip = submit(son_la).tip
    days = stage_days(son_la, S.RECEIVED)
    assert days is not None
    assert tip.stage_due_at == tip.received_at + datetime.timedelta(days=days)


def test_a_province_setting_overrides_the_default_deadline(son_la):
    StageDeadline.objects.create(province=son_la, stage=S.RECEIVED, days=1)
    tip = submit(son_la).tip
    assert tip.stage_due_at == tip.received_at + datetime.timedelta(days=1)


# --- officer intake -----------------------------------------------------------------------------------------


def test_an_officer_records_a_hotline_tip_with_time_and_receiver(commune_officer, son_la, commune):
    received = timezone.now() - datetime.timedelta(hours=3)
    # when
    submitted = services.tip_intake(
        actor=commune_officer,
        channel=TipChannel.HOTLINE,
        received_at=received,
        category=TipCategory.PROSTITUTION,
        province=son_la,
        location_unit=commune,
        content="Người dân gọi báo có đối tượng đón khách ở bờ suối.",
    )
    # then
    tip = submitted.tip
    assert tip.received_by == commune_officer and tip.received_at == received
    assert tip.stage_started_at == received
    assert tip.events.get().actor == commune_officer
    assert tip_by_receipt(submitted.receipt) == tip


def test_a_transferred_tip_names_its_source_and_the_time_cannot_be_in_the_future(commune_officer, son_la):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_intake(
            actor=commune_officer,
            channel=TipChannel.TRANSFERRED,
            received_at=timezone.now() + datetime.timedelta(days=1),
            category=TipCategory.OTHER,
            province=son_la,
            content="Văn bản chuyển đến.",
        )
    assert set(errors_of(exc_info)) == {"source_reference", "received_at"}
    assert not Tip.objects.exists()


def test_the_portal_channel_cannot_be_chosen_on_intake(commune_officer, son_la):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_intake(
            actor=commune_officer,
            channel=TipChannel.ONLINE,
            received_at=timezone.now(),
            category=TipCategory.OTHER,
            province=son_la,
            content="x",
        )
    assert "channel" in errors_of(exc_info)


@pytest.mark.parametrize("persona", ["case_worker", "inspector", "no_membership_user"])
def test_users_who_do_not_handle_tips_cannot_record_one(persona, request, son_la):
    with pytest.raises(PermissionDenied):
        services.tip_intake(
            actor=request.getfixturevalue(persona),
            channel=TipChannel.HOTLINE,
            received_at=timezone.now(),
            category=TipCategory.OTHER,
            province=son_la,
            content="x",
        )


# --- workflow -----------------------------------------------------------------------------------------------


def test_a_tip_goes_through_every_stage_with_an_event_each(commune_officer, commune_tip):
    # when
    walk(commune_tip, commune_officer, S.CLOSED)
    # then
    commune_tip.refresh_from_db()
    assert commune_tip.status == S.CLOSED and commune_tip.outcome == TipOutcome.UNFOUNDED
    moves = list(
        commune_tip.events.filter(kind=TipEvent.Kind.STATUS_CHANGED).values_list(
            "from_status", "to_status", "actor"
        )
    )
    assert moves == [
        (S.RECEIVED, S.VERIFYING, commune_officer.pk),
        (S.VERIFYING, S.CLASSIFIED, commune_officer.pk),
        (S.CLASSIFIED, S.HANDLED, commune_officer.pk),
        (S.HANDLED, S.CLOSED, commune_officer.pk),
    ]
    assert commune_tip.handled_at is not None and commune_tip.closed_at is not None
    assert commune_tip.stage_due_at is None and commune_tip.late_stages == 0


def test_a_step_cannot_be_skipped(commune_officer, commune_tip):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_transition(
            actor=commune_officer,
            tip=commune_tip,
            to_status=S.HANDLED,
            version=1,
            outcome=TipOutcome.SANCTION,
        )
    assert errors_of(exc_info)["to_status"] == [
        "Không thể chuyển tin từ «Đã tiếp nhận» sang «Đã xử lý». Bước tiếp theo được phép: Đang xác minh."
    ]
    commune_tip.refresh_from_db()
    assert commune_tip.status == S.RECEIVED and commune_tip.events.count() == 1


def test_a_stale_version_is_refused(commune_officer, commune_tip):
    walk(commune_tip, commune_officer, S.VERIFYING)
    with pytest.raises(ValidationError) as exc_info:
        services.tip_transition(actor=commune_officer, tip=commune_tip, to_status=S.CLASSIFIED, version=1)
    assert "version" in exc_info.value.error_dict


def test_a_stage_finished_after_its_deadline_is_counted_late(commune_officer, commune_tip):
    # given the first stage is already overdue
    Tip.objects.filter(pk=commune_tip.pk).update(stage_due_at=timezone.now() - datetime.timedelta(hours=1))
    commune_tip.refresh_from_db()
    # when
    services.tip_transition(actor=commune_officer, tip=commune_tip, to_status=S.VERIFYING, version=1)
    # then
    assert commune_tip.late_stages == 1
    assert commune_tip.events.get(to_status=S.VERIFYING).stage_on_time is False
    assert commune_tip.stage_due_at > timezone.now()


def test_classification_links_an_establishment_of_the_province_and_counts_persons(
    commune_officer, commune_tip, commune
):
    walk(commune_tip, commune_officer, S.VERIFYING)
    place = EstablishmentFactory.create(unit=commune, name="Karaoke Hoa Hồng")
    # when
    services.tip_transition(
        actor=commune_officer,
        tip=commune_tip,
        to_status=S.CLASSIFIED,
        version=commune_tip.version,
        category=TipCategory.BROTHEL,
        establishment=place,
        persons_count=4,
    )
    # then
    commune_tip.refresh_from_db()
    assert (commune_tip.category, commune_tip.establishment, commune_tip.persons_count) == (
        TipCategory.BROTHEL,
        place,
        4,
    )


def test_an_establishment_of_another_province_cannot_be_linked(
    commune_officer, commune_tip, other_province_commune
):
    walk(commune_tip, commune_officer, S.VERIFYING)
    elsewhere = EstablishmentFactory.create(unit=other_province_commune, name="Bar Tân Phong")
    with pytest.raises(ValidationError) as exc_info:
        services.tip_transition(
            actor=commune_officer,
            tip=commune_tip,
            to_status=S.CLASSIFIED,
            version=commune_tip.version,
            establishment=elsewhere,
        )
    assert errors_of(exc_info)["establishment"] == [
        "Cơ sở «Bar Tân Phong» không thuộc tỉnh, thành phố của tin."
    ]


@pytest.mark.parametrize(
    ("outcome", "extra", "field", "message"),
    [
        ("", {}, "outcome", "Hãy chọn kết quả xử lý."),
        (
            TipOutcome.INSPECTION_OPENED,
            {},
            "outcome",
            str(triage.INSPECTION_LINK_REQUIRED),
        ),
        (
            TipOutcome.CRIMINAL_CASE_OPENED,
            {},
            "outcome_reference",
            "Hãy ghi số hiệu vụ án hoặc cơ quan nhận (kết quả «Khởi tố vụ án hình sự»).",
        ),
        (TipOutcome.UNFOUNDED, {}, "note", "Hãy ghi rõ lý do kết luận tin không có cơ sở."),
    ],
)
def test_handling_needs_an_outcome_with_what_it_requires(
    commune_officer, commune_tip, outcome, extra, field, message
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    with pytest.raises(ValidationError) as exc_info:
        services.tip_transition(
            actor=commune_officer,
            tip=commune_tip,
            to_status=S.HANDLED,
            version=commune_tip.version,
            outcome=outcome,
            **extra,
        )
    assert errors_of(exc_info)[field] == [message]


def test_a_criminal_case_outcome_keeps_the_case_reference(police_officer, commune_tip):
    walk(commune_tip, police_officer, S.CLASSIFIED)
    services.tip_transition(
        actor=police_officer,
        tip=commune_tip,
        to_status=S.HANDLED,
        version=commune_tip.version,
        outcome=TipOutcome.CRIMINAL_CASE_OPENED,
        outcome_reference="Vụ án số 12/2026, Cơ quan CSĐT Công an tỉnh Sơn La",
    )
    commune_tip.refresh_from_db()
    assert commune_tip.outcome_reference.startswith("Vụ án số 12/2026")


@pytest.mark.parametrize(
    "persona", ["other_commune_officer", "other_province_officer", "case_worker", "inspector"]
)
def test_outsiders_cannot_move_a_tip(persona, request, commune_tip):
    with pytest.raises(PermissionDenied):
        services.tip_transition(
            actor=request.getfixturevalue(persona), tip=commune_tip, to_status=S.VERIFYING, version=1
        )


def test_the_province_handles_a_communes_tip(province_officer, commune_tip):
    services.tip_transition(actor=province_officer, tip=commune_tip, to_status=S.VERIFYING, version=1)
    assert commune_tip.status == S.VERIFYING


# --- transfer -----------------------------------------------------------------------------------------------


def test_a_tip_is_transferred_with_its_reason_and_the_agency_follows_the_rules(
    commune_officer, commune_tip, son_la, other_commune, province_police
):
    RoutingRule.objects.create(province=son_la, category=commune_tip.category, agency_kind=AgencyKind.POLICE)
    # when
    services.tip_transfer(
        actor=commune_officer,
        tip=commune_tip,
        to_unit=other_commune,
        version=1,
        reason="Địa điểm thuộc Mường Bú.",
    )
    # then
    commune_tip.refresh_from_db()
    assert commune_tip.routed_unit == other_commune and commune_tip.routed_agency == province_police
    event = commune_tip.events.get(kind=TipEvent.Kind.TRANSFERRED)
    assert (event.from_unit, event.to_unit, event.note) == (
        commune_tip.location_unit,
        other_commune,
        "Địa điểm thuộc Mường Bú.",
    )
    # and the commune officer no longer handles it
    with pytest.raises(PermissionDenied):
        services.tip_message_send(actor=commune_officer, tip=commune_tip, body="x")


def test_a_transfer_needs_a_reason_and_another_unit(commune_officer, commune_tip, commune):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_transfer(actor=commune_officer, tip=commune_tip, to_unit=commune, version=1, reason=" ")
    assert errors_of(exc_info) == {
        "reason": ["Hãy ghi lý do chuyển."],
        "to_unit": ["Tin đang thuộc đơn vị này."],
    }


# --- messages -----------------------------------------------------------------------------------------------


def test_the_officer_and_the_citizen_exchange_messages_until_the_tip_is_closed(commune_officer, commune_tip):
    services.tip_message_send(actor=commune_officer, tip=commune_tip, body="Xin cho biết giờ hoạt động?")
    services.tip_reply_from_citizen(tip=commune_tip, body="Từ 23 giờ đến 2 giờ sáng.")
    assert list(commune_tip.messages.values_list("sender", "author")) == [
        (TipMessage.Sender.OFFICER, commune_officer.pk),
        (TipMessage.Sender.CITIZEN, None),
    ]
    walk(commune_tip, commune_officer, S.CLOSED)
    with pytest.raises(ValidationError) as exc_info:
        services.tip_reply_from_citizen(tip=commune_tip, body="Còn nữa.")
    assert errors_of(exc_info)["body"] == ["Tin này đã đóng, không nhận thêm trao đổi."]


# --- the informant ------------------------------------------------------------------------------------------


def test_police_see_the_informant_with_a_reason_written_to_the_access_log(police_officer, commune_tip):
    # when
    informant = services.informant_reveal(
        actor=police_officer, tip=commune_tip, reason="Cần xác minh trực tiếp"
    )
    # then
    assert informant is not None and informant.full_name == INFORMANT_NAME
    log = AccessLog.objects.get()
    assert (log.actor, log.purpose, log.object_type, log.object_id, log.reason) == (
        police_officer,
        AccessLog.Purpose.VIEW_IDENTITY,
        "tips.tip",
        str(commune_tip.pk),
        "Cần xác minh trực tiếp",
    )


def test_without_a_reason_nothing_is_shown_nor_logged(police_officer, commune_tip):
    with pytest.raises(ValidationError):
        services.informant_reveal(actor=police_officer, tip=commune_tip, reason="  ")
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    "persona", ["commune_officer", "province_officer", "other_province_officer", "case_worker"]
)
def test_the_informant_needs_the_capability(persona, request, commune_tip):
    with pytest.raises(PermissionDenied):
        services.informant_reveal(actor=request.getfixturevalue(persona), tip=commune_tip, reason="Xem")
    assert not AccessLog.objects.exists()


# --- turning a tip into a hotspot or an inspection ----------------------------------------------------------


def test_a_classified_tip_becomes_a_hotspot_of_its_commune_and_keeps_the_link(
    commune_officer, commune_tip, commune, commune_police
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    # when
    hotspot = services.tip_create_hotspot(
        actor=commune_officer,
        tip=commune_tip,
        version=commune_tip.version,
        kind=Hotspot.Kind.PUBLIC_PLACE,
        name="Khu vực bờ suối tổ 5",
        identified_by=commune_police,
    )
    # then
    commune_tip.refresh_from_db()
    assert commune_tip.hotspot == hotspot and hotspot.unit == commune
    assert TIP_TEXT not in hotspot.description
    assert commune_tip.events.filter(kind=TipEvent.Kind.LINKED).count() == 1
    assert hotspot.events.get().note == f"Phát hiện từ tin báo {commune_tip.reference}."


def test_an_unverified_tip_cannot_become_a_hotspot(commune_officer, commune_tip, commune_police):
    with pytest.raises(ValidationError) as exc_info:
        services.tip_create_hotspot(
            actor=commune_officer,
            tip=commune_tip,
            version=1,
            kind=Hotspot.Kind.PUBLIC_PLACE,
            name="Khu vực",
            identified_by=commune_police,
        )
    assert errors_of(exc_info)["__all__"] == [
        "Chỉ tạo hồ sơ từ tin đã xác minh, phân loại (trạng thái hiện tại: «Đã tiếp nhận»)."
    ]
    assert not Hotspot.objects.exists()


def test_a_recorded_inspection_is_linked_and_allows_the_inspection_outcome(
    commune_officer, commune_tip, commune
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    inspection = InspectionFactory.create(establishment=EstablishmentFactory.create(unit=commune))
    # when
    services.tip_link_inspection(
        actor=commune_officer, tip=commune_tip, version=commune_tip.version, inspection=inspection
    )
    services.tip_transition(
        actor=commune_officer,
        tip=commune_tip,
        to_status=S.HANDLED,
        version=commune_tip.version,
        outcome=TipOutcome.INSPECTION_OPENED,
    )
    # then
    commune_tip.refresh_from_db()
    assert commune_tip.inspection == inspection and commune_tip.establishment == inspection.establishment
    assert commune_tip.status == S.HANDLED


def test_an_inspection_outside_the_officers_jurisdiction_cannot_be_linked(
    commune_officer, commune_tip, other_commune
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    inspection = InspectionFactory.create(establishment=EstablishmentFactory.create(unit=other_commune))
    with pytest.raises(ValidationError) as exc_info:
        services.tip_link_inspection(
            actor=commune_officer, tip=commune_tip, version=commune_tip.version, inspection=inspection
        )
    assert errors_of(exc_info)["inspection"] == [str(triage.INSPECTION_NOT_VISIBLE)]


def test_recording_an_inspection_from_a_tip_follows_the_inspection_rules(
    commune_officer, commune_tip, commune
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    place = EstablishmentFactory.create(unit=commune)
    inspection_day = timezone.now() - datetime.timedelta(days=1)
    from pcmd.agencies.tests.factories import InspectionTeamFactory

    team = InspectionTeamFactory.create(unit=commune)
    # a commune officer does not record inspections for a team
    with pytest.raises(PermissionDenied):
        services.tip_create_inspection(
            actor=commune_officer,
            tip=commune_tip,
            version=commune_tip.version,
            team=team,
            establishment=place,
            mode="unannounced",
            started_at=inspection_day,
            members_present=[],
        )
    commune_tip.refresh_from_db()
    assert commune_tip.inspection is None


def test_an_administrator_records_the_inspection_of_a_tip_and_the_link_stays(
    system_admin, commune_tip, commune
):
    from pcmd.agencies.models import TeamMember
    from pcmd.agencies.tests.factories import InspectionTeamFactory

    walk(commune_tip, system_admin, S.CLASSIFIED)
    place = EstablishmentFactory.create(unit=commune)
    team = InspectionTeamFactory.create(unit=commune, established_on=datetime.date(2020, 1, 1))
    member = TeamMember.objects.create(team=team, agency=team.lead_agency, full_name="Lò Văn Đội")
    # when
    inspection = services.tip_create_inspection(
        actor=system_admin,
        tip=commune_tip,
        version=commune_tip.version,
        team=team,
        establishment=place,
        mode="unannounced",
        started_at=timezone.now() - datetime.timedelta(hours=2),
        members_present=[member],
        findings="Không phát hiện vi phạm tại thời điểm kiểm tra.",
    )
    # then
    commune_tip.refresh_from_db()
    assert commune_tip.inspection == inspection and commune_tip.establishment == place


# --- configuration ------------------------------------------------------------------------------------------


def test_the_provincial_coordinator_configures_routing_and_deadlines(province_officer, son_la):
    services.routing_rule_set(
        actor=province_officer, province=son_la, category=TipCategory.MINOR, agency_kind=AgencyKind.POLICE
    )
    services.stage_deadline_set(actor=province_officer, province=son_la, stage=S.VERIFYING, days=5)
    assert RoutingRule.objects.get().agency_kind == AgencyKind.POLICE
    assert stage_days(son_la, S.VERIFYING) == 5
    # and clearing returns to the default
    services.stage_deadline_set(actor=province_officer, province=son_la, stage=S.VERIFYING, days=None)
    services.routing_rule_set(
        actor=province_officer, province=son_la, category=TipCategory.MINOR, agency_kind=""
    )
    assert stage_days(son_la, S.VERIFYING) == 10 and not RoutingRule.objects.exists()


def test_deadline_days_stay_within_a_year(province_officer, son_la):
    with pytest.raises(ValidationError) as exc_info:
        services.stage_deadline_set(actor=province_officer, province=son_la, stage=S.VERIFYING, days=0)
    assert errors_of(exc_info)["days"] == ["Số ngày phải từ 1 đến 365."]


@pytest.mark.parametrize("persona", ["commune_officer", "police_officer", "other_province_officer"])
def test_others_cannot_configure_the_province(persona, request, son_la):
    with pytest.raises(PermissionDenied):
        services.stage_deadline_set(
            actor=request.getfixturevalue(persona), province=son_la, stage=S.VERIFYING, days=3
        )


def test_a_receipt_collision_draws_a_new_code(son_la, monkeypatch):
    # given the first drawn lookup is taken
    first = submit(son_la).tip
    drawn = iter([first.receipt_lookup])
    real = intake_module.receipts.new_receipt

    def draw():
        receipt = real()
        lookup = next(drawn, None)
        return (
            receipt
            if lookup is None
            else type(receipt)(code=receipt.code, lookup=lookup, hashed=receipt.hashed)
        )

    monkeypatch.setattr(intake_module.receipts, "new_receipt", draw)
    # when
    second = submit(son_la).tip
    # then
    assert second.receipt_lookup != first.receipt_lookup


# --- turning a tip into a criminal case ---------------------------------------------------------------------


def test_the_police_open_a_criminal_case_from_a_verified_tip_and_the_link_stays(
    police_officer, commune_tip, son_la, province_police
):
    from pcmd.criminal_cases.models import Article

    walk(commune_tip, police_officer, S.CLASSIFIED)
    # when
    case = services.tip_open_criminal_case(
        actor=police_officer,
        tip=commune_tip,
        version=commune_tip.version,
        unit=son_la,
        agency=province_police,
        number="15/2026",
        article=Article.ART_327,
    )
    # then the link is on both sides, and the tip's text is not copied into the case
    commune_tip.refresh_from_db()
    assert commune_tip.criminal_case == case
    assert list(Tip.objects.filter(criminal_case=case)) == [commune_tip]
    assert TIP_TEXT not in (case.summary or "")
    assert commune_tip.events.filter(kind=TipEvent.Kind.LINKED).count() == 1
    # and the handler may then record the outcome
    services.tip_transition(
        actor=police_officer,
        tip=commune_tip,
        to_status=S.HANDLED,
        version=commune_tip.version,
        outcome=TipOutcome.CRIMINAL_CASE_OPENED,
        outcome_reference=case.number,
    )


def test_a_commune_officer_without_the_case_capability_cannot_open_a_case(
    commune_officer, commune_tip, son_la, province_police
):
    from pcmd.criminal_cases.models import Article, CriminalCase

    walk(commune_tip, commune_officer, S.CLASSIFIED)
    with pytest.raises(PermissionDenied):
        services.tip_open_criminal_case(
            actor=commune_officer,
            tip=commune_tip,
            version=commune_tip.version,
            unit=son_la,
            agency=province_police,
            number="16/2026",
            article=Article.ART_328,
        )
    assert not CriminalCase.objects.exists()
    commune_tip.refresh_from_db()
    assert commune_tip.criminal_case is None


@pytest.fixture
def other_province_police(other_province):
    from pcmd.agencies.models import AgencyKind
    from pcmd.agencies.tests.factories import AgencyFactory

    return AgencyFactory.create(unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu")


def test_an_existing_case_is_linked_once_and_only_within_the_tips_province(
    police_officer, system_admin, commune_tip, son_la, province_police, other_province, other_province_police
):
    from pcmd.criminal_cases.tests.factories import case_via_services

    walk(commune_tip, police_officer, S.CLASSIFIED)
    case = case_via_services(police_officer, son_la, province_police)
    outsider = case_via_services(system_admin, other_province, other_province_police, number="09/2026/VA")
    with pytest.raises(ValidationError) as exc_info:
        services.tip_link_criminal_case(
            actor=police_officer, tip=commune_tip, version=commune_tip.version, case=outsider
        )
    assert errors_of(exc_info)["case"] == [str(triage.CASE_NOT_VISIBLE)]
    services.tip_link_criminal_case(
        actor=police_officer, tip=commune_tip, version=commune_tip.version, case=case
    )
    commune_tip.refresh_from_db()
    with pytest.raises(ValidationError) as exc_info:
        services.tip_link_criminal_case(
            actor=police_officer, tip=commune_tip, version=commune_tip.version, case=case
        )
    assert errors_of(exc_info)["__all__"] == [f"Tin đã liên kết với vụ án {case.number}."]
