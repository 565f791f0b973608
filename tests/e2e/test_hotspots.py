"""A police officer follows a hotspot in a real browser: records its elimination, then finds it on the map
(Leaflet over a plain background, no internet tiles) and opens it from the marker's popup."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.hotspots import services
from pcmd.hotspots.models import Hotspot, HotspotEvent
from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def police(son_la):
    agency = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    user = UserFactory.create(username="congan.sonla", full_name="Lường Văn Công An")
    MembershipFactory.create(user=user, unit=son_la, agency=agency, role=Role.POLICE_OFFICER)
    return user, agency


@pytest.fixture
def hotspots(police, commune, other_commune):
    """One hotspot under action with coordinates, one just identified without (drawn at its commune)."""
    user, agency = police
    day = timezone.localdate() - datetime.timedelta(days=20)
    with_position = services.hotspot_create(
        actor=user,
        unit=commune,
        kind=Hotspot.Kind.PUBLIC_PLACE,
        name="Khu vực bờ kè suối Nậm La",
        identified_on=day,
        identified_by=agency,
        latitude=21.3262,
        longitude=103.9131,
    )
    services.hotspot_event_record(
        actor=user,
        hotspot=with_position,
        kind=HotspotEvent.Kind.ACTION_STARTED,
        occurred_on=day + datetime.timedelta(days=1),
        version=with_position.version,
    )
    without_position = services.hotspot_create(
        actor=user,
        unit=other_commune,
        kind=Hotspot.Kind.PUBLIC_PLACE,
        name="Bãi đất trống sau bến xe",
        identified_on=day,
        identified_by=agency,
    )
    return with_position, without_position


def test_police_record_an_elimination_then_find_the_hotspot_on_the_map(log_in, page, live_server, hotspots):
    with_position, _without = hotspots
    # given the police officer opens the hotspot from the menu
    log_in("congan.sonla")
    page.get_by_test_id("main-menu").get_by_test_id("menu-group").filter(has_text="Nghiệp vụ").click()
    page.get_by_test_id("main-menu").get_by_role("link", name="Điểm phức tạp", exact=True).click()
    page.get_by_role("link", name="Khu vực bờ kè suối Nậm La").click()
    expect(page.get_by_test_id("hotspot-status")).to_have_text("Đang đấu tranh, xử lý")

    # when they record the elimination today
    page.get_by_label("Sự kiện").select_option(label="Triệt xóa")
    page.get_by_label("Ngày", exact=True).fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_label("Ghi chú").fill("Tháo dỡ lán trại, lắp đèn chiếu sáng.")
    page.get_by_role("button", name="Ghi nhận", exact=True).click()

    # then the status and the timeline follow
    expect(page.get_by_test_id("hotspot-status")).to_have_text("Đã triệt xóa")
    expect(page.get_by_test_id("event-timeline")).to_contain_text("Tháo dỡ lán trại, lắp đèn chiếu sáng.")

    # when they open the map from the list
    page.get_by_role("link", name="Điểm phức tạp").first.click()
    page.get_by_test_id("hotspot-map-link").click()

    # then both hotspots are drawn without any tile from the internet, and the popup leads to the hotspot
    hotspot_map = page.get_by_test_id("hotspot-map")
    expect(hotspot_map).to_have_attribute("data-loaded", "true")
    expect(page.locator(".leaflet-tile")).to_have_count(0)
    expect(page.locator("[data-hotspot-id]")).to_have_count(2)
    page.locator(f'[data-hotspot-id="{with_position.pk}"]').click(force=True)
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Khu vực bờ kè suối Nậm La")
    expect(popup).to_contain_text("Đã triệt xóa")
    link = popup.get_by_test_id("map-popup-link")
    expect(link).to_have_attribute("href", re.compile(rf"/diem-phuc-tap/{with_position.pk}/$"))
    # Following the link by its address: a click on a Leaflet popup can land on the map under load.
    page.goto(f"{live_server.url}{link.get_attribute('href')}")
    expect(page.get_by_test_id("hotspot-status")).to_have_text("Đã triệt xóa")


def test_the_map_works_on_a_phone(log_in, page, hotspots):
    page.set_viewport_size(PHONE)
    log_in("congan.sonla")
    page.goto(page.url.rstrip("/") + "/diem-phuc-tap/ban-do/")
    expect(page.get_by_test_id("hotspot-map")).to_have_attribute("data-loaded", "true")
    expect(page.locator("[data-hotspot-id]")).to_have_count(2)
    box = page.get_by_test_id("hotspot-map").bounding_box()
    assert box is not None and box["width"] <= PHONE["width"] and box["height"] >= 300
