import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pcmd.person_sanctions import services
from pcmd.person_sanctions.models import PersonSanctionTally
from pcmd.person_sanctions.tests.factories import tally_via_services

D = datetime.date


def errors_of(exc_info) -> dict[str, list[str]]:
    return exc_info.value.message_dict


def test_a_police_officer_records_a_tally(police_officer, commune, buying_sex):
    tally = tally_via_services(police_officer, commune, buying_sex)
    assert (tally.persons_count, tally.decisions_count, tally.total_fines) == (6, 5, 7_500_000)
    assert tally.created_by == police_officer and tally.version == 1


@pytest.mark.parametrize(
    "persona",
    ["other_province_police_officer", "province_officer", "commune_officer", "case_worker", "leader"],
)
def test_only_holders_of_the_capability_in_the_jurisdiction_record_tallies(
    request, persona, commune, buying_sex
):
    with pytest.raises(PermissionDenied):
        tally_via_services(request.getfixturevalue(persona), commune, buying_sex)
    assert not PersonSanctionTally.objects.exists()


def test_a_commune_police_officer_cannot_record_for_another_commune(
    commune_police_officer, other_commune, buying_sex
):
    with pytest.raises(PermissionDenied):
        tally_via_services(commune_police_officer, other_commune, buying_sex)


def test_a_reversed_period_is_refused(police_officer, commune, buying_sex):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(
            police_officer, commune, buying_sex, period_start=D(2026, 6, 30), period_end=D(2026, 1, 1)
        )
    assert errors_of(exc)["period_end"] == ["Ngày kết thúc kỳ không được trước ngày bắt đầu."]


def test_a_period_not_yet_started_is_refused(police_officer, commune, buying_sex):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(
            police_officer, commune, buying_sex, period_start=D(2026, 7, 1), period_end=D(2026, 12, 31)
        )
    assert errors_of(exc)["period_start"] == [
        "Kỳ thống kê chưa bắt đầu: ngày bắt đầu không được sau ngày hôm nay (30/06/2026)."
    ]


def test_a_provision_not_valid_in_the_period_is_refused(police_officer, commune, buying_sex):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(
            police_officer, commune, buying_sex, period_start=D(2025, 1, 1), period_end=D(2025, 12, 31)
        )
    assert errors_of(exc)["provision"] == [
        f"Căn cứ «{buying_sex.reference}» không được áp dụng trong kỳ 01/01/2025 – 31/12/2025 "
        "(thời gian áp dụng: 01/01/2026 – nay)."
    ]


def test_a_period_across_a_change_of_decree_has_a_tally_per_provision(
    police_officer, commune, buying_sex, old_buying_sex
):
    # given: a period from 01/07/2025 to 30/06/2026 spans both provisions
    period = {"period_start": D(2025, 7, 1), "period_end": D(2026, 6, 30)}
    old = tally_via_services(
        police_officer,
        commune,
        old_buying_sex,
        persons_count=2,
        decisions_count=2,
        total_fines=1_500_000,
        **period,
    )
    new = tally_via_services(police_officer, commune, buying_sex, **period)
    assert {old.provision, new.provision} == {old_buying_sex, buying_sex}


def test_a_provision_for_organisations_is_refused(police_officer, commune, organisation_provision):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, organisation_provision, total_fines=60_000_000)
    assert errors_of(exc)["provision"] == [
        f"Căn cứ «{organisation_provision.reference}» áp dụng cho tổ chức, không áp dụng cho cá nhân."
    ]


@pytest.mark.parametrize(
    ("persons", "fines", "accepted"),
    [
        (6, 6_000_000, True),
        (6, 12_000_000, True),
        (6, 5_999_999, False),
        (6, 12_000_001, False),
        (0, 0, True),
    ],
)
def test_the_fines_lie_within_the_provision_range_times_the_persons(
    police_officer, commune, buying_sex, persons, fines, accepted
):
    values = {"persons_count": persons, "decisions_count": min(persons, 5), "total_fines": fines}
    if accepted:
        assert tally_via_services(police_officer, commune, buying_sex, **values).total_fines == fines
        return
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, buying_sex, **values)
    assert errors_of(exc)["total_fines"] == [
        "Tổng tiền phạt của 6 lượt người theo căn cứ này phải từ 6.000.000 đến 12.000.000 đồng."
    ]


def test_a_provision_without_a_fine_allows_no_fine(police_officer, commune):
    from pcmd.legal.tests.factories import LegalProvisionFactory

    warning_only = LegalProvisionFactory.create(
        applies_to="individual", fine_min=None, fine_max=None, valid_from=D(2026, 1, 1), act="Bán dâm"
    )
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, warning_only, total_fines=100_000)
    assert errors_of(exc)["total_fines"] == [
        f"Căn cứ «{warning_only.reference}» không quy định phạt tiền: tổng tiền phạt phải bằng 0."
    ]


def test_decisions_cannot_outnumber_the_persons(police_officer, commune, buying_sex):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, buying_sex, decisions_count=7)
    assert errors_of(exc)["decisions_count"] == [
        "Số quyết định không được lớn hơn số lượt người bị xử phạt (6)."
    ]


def test_sanctioned_persons_need_a_decision(police_officer, commune, buying_sex):
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, buying_sex, decisions_count=0)
    assert errors_of(exc)["decisions_count"] == [
        "Có người bị xử phạt thì phải có ít nhất một quyết định xử phạt."
    ]


def test_one_tally_per_unit_period_act_and_provision(police_officer, commune, buying_sex):
    tally_via_services(police_officer, commune, buying_sex)
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, commune, buying_sex)
    assert errors_of(exc)["provision"] == [
        "Đơn vị đã có số liệu của hành vi này theo căn cứ này trong cùng kỳ."
    ]


def test_another_act_or_unit_in_the_same_period_is_accepted(
    police_officer, commune, other_commune, buying_sex
):
    tally_via_services(police_officer, commune, buying_sex)
    tally_via_services(police_officer, commune, buying_sex, act="selling_sex")
    tally_via_services(police_officer, other_commune, buying_sex)
    assert PersonSanctionTally.objects.count() == 3


def test_overlapping_periods_would_count_twice_and_are_refused(police_officer, commune, buying_sex):
    tally_via_services(police_officer, commune, buying_sex)
    with pytest.raises(ValidationError) as exc:
        tally_via_services(
            police_officer, commune, buying_sex, period_start=D(2026, 3, 1), period_end=D(2026, 6, 30)
        )
    assert errors_of(exc)["period_start"] == [
        "Kỳ này trùng với kỳ 01/01/2026 – 30/06/2026 đã nhập cho cùng đơn vị, hành vi và căn cứ: "
        "số liệu sẽ bị tính hai lần. Hãy sửa số liệu đã nhập hoặc chọn kỳ không trùng."
    ]


def test_a_legacy_unit_is_refused(police_officer, commune, buying_sex):
    from pcmd.geography.models import AdminUnit
    from pcmd.geography.tests.factories import make_legacy

    legacy = make_legacy("04111", "Xã Chiềng Cơi", AdminUnit.Level.COMMUNE, None, commune.scope_path)
    with pytest.raises(ValidationError) as exc:
        tally_via_services(police_officer, legacy, buying_sex)
    assert errors_of(exc)["unit"] == [
        "Đơn vị phải là một tỉnh, thành phố hoặc xã, phường, đặc khu hiện hành."
    ]


def test_a_tally_is_corrected_with_the_current_version(police_officer, commune, buying_sex):
    tally = tally_via_services(police_officer, commune, buying_sex)
    services.tally_update(
        actor=police_officer,
        tally=tally,
        version=1,
        changes={"persons_count": 8, "decisions_count": 8, "total_fines": 8_000_000},
    )
    tally.refresh_from_db()
    assert (tally.persons_count, tally.version) == (8, 2)


def test_a_stale_correction_is_refused(police_officer, commune, buying_sex):
    tally = tally_via_services(police_officer, commune, buying_sex)
    services.tally_update(actor=police_officer, tally=tally, version=1, changes={"note": "Đối chiếu lại"})
    stale = PersonSanctionTally.objects.get(pk=tally.pk)
    with pytest.raises(ValidationError) as exc:
        services.tally_update(actor=police_officer, tally=stale, version=1, changes={"persons_count": 9})
    assert "phiên bản hiện tại: 2" in errors_of(exc)["version"][0]


def test_a_correction_is_checked_like_a_new_tally(police_officer, commune, buying_sex):
    tally = tally_via_services(police_officer, commune, buying_sex)
    with pytest.raises(ValidationError) as exc:
        services.tally_update(actor=police_officer, tally=tally, version=1, changes={"total_fines": 1})
    assert "total_fines" in errors_of(exc)


def test_outsiders_cannot_correct_or_delete(
    police_officer, other_province_police_officer, commune, buying_sex
):
    tally = tally_via_services(police_officer, commune, buying_sex)
    with pytest.raises(PermissionDenied):
        services.tally_update(
            actor=other_province_police_officer, tally=tally, version=1, changes={"note": "x"}
        )
    with pytest.raises(PermissionDenied):
        services.tally_delete(actor=other_province_police_officer, tally=tally, version=1)
    assert PersonSanctionTally.objects.count() == 1


def test_a_tally_entered_by_mistake_is_deleted(police_officer, commune, buying_sex):
    tally = tally_via_services(police_officer, commune, buying_sex)
    with pytest.raises(ValidationError):
        services.tally_delete(actor=police_officer, tally=tally, version=0)
    services.tally_delete(actor=police_officer, tally=tally, version=1)
    assert not PersonSanctionTally.objects.exists()
