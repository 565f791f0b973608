"""UBND huyện Na Rì (Bắc Kạn): PCMD plan of the district for 2025.

The copy we hold has no header: number and date stay empty, the place is the district's name and the symbol
the usual one of a People's Committee plan. The district (legacy code 066 of the legacy Bắc Kạn, 06) ceased
to exist on 01/07/2025, half-way through the plan. Its targets are written inside the chapter "Nhiệm vụ";
the other duties of that chapter, assigned to nobody, are sections.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from pcmd.agencies.models import AgencyKind as K
from pcmd.planning.models import IndicatorKey as I
from pcmd.planning.models import Plan, ReportingRule, Target, Task
from pcmd.planning.models import PlanArea as A
from pcmd.planning.seed_plans.schema import (
    SeedAgency,
    SeedPlan,
    SeedRule,
    SeedSection,
    SeedSigner,
    SeedTarget,
    SeedTask,
)

D = datetime.date
N = Decimal
GTE, INCREASE = Target.Comparator.AT_LEAST, Target.Comparator.INCREASE_BY
PCT, PCT_YEAR = Target.MeasureUnit.PERCENT, Target.MeasureUnit.PERCENT_PER_YEAR
EACH_COMMUNE = Target.AppliesTo.EACH_COMMUNE
R = ReportingRule
YEAR = 2025

AGENCIES = (
    SeedAgency("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân huyện Na Rì", "UBND huyện"),
    SeedAgency(
        "office",
        K.PEOPLES_COUNCIL_OFFICE,
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Na Rì",
        "Văn phòng HĐND-UBND huyện",
    ),
    SeedAgency("health", K.HEALTH, "Trung tâm Y tế huyện Na Rì", "TTYT huyện"),
    SeedAgency("home", K.HOME_AFFAIRS, "Phòng Nội vụ huyện Na Rì", "Phòng Nội vụ"),
    SeedAgency("finance", K.FINANCE, "Phòng Tài chính - Kế hoạch huyện Na Rì", "Phòng TC-KH"),
    SeedAgency(
        "culture",
        K.CULTURE_SPORTS_TOURISM,
        "Phòng Văn hóa, Khoa học và Thông tin huyện Na Rì",
        "Phòng VH-KH-TT",
    ),
    SeedAgency("education", K.EDUCATION, "Phòng Giáo dục và Đào tạo huyện Na Rì", "Phòng GD-ĐT"),
    SeedAgency("justice", K.JUSTICE, "Phòng Tư pháp huyện Na Rì", "Phòng Tư pháp"),
    SeedAgency(
        "media_centre",
        K.PRESS_MEDIA,
        "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Na Rì",
        "TT VH-TT-TT huyện",
    ),
    SeedAgency("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân huyện Na Rì", "VKSND huyện"),
    SeedAgency("court", K.COURT, "Tòa án nhân dân huyện Na Rì", "TAND huyện"),
    SeedAgency(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Na Rì", "Ủy ban MTTQ huyện"
    ),
    SeedAgency("women", K.WOMENS_UNION, "Hội Liên hiệp Phụ nữ huyện Na Rì", "Hội LHPN huyện"),
    SeedAgency("youth", K.YOUTH_UNION, "Huyện đoàn Na Rì"),
    SeedAgency("labour_federation", K.LABOUR_FEDERATION, "Liên đoàn Lao động huyện Na Rì"),
)

SECTIONS = (
    SeedSection(
        A.COMMUNICATION,
        "Nhiệm vụ: truyền thông, giáo dục về phòng, chống mại dâm",
        "Truyền thông chủ trương, chính sách về phòng, chống mại dâm, giảm kỳ thị với người bán dâm; tuyên "
        "truyền phòng ngừa ở nơi có nhiều người di cư; mở chuyên trang, chuyên mục, tiểu phẩm, ký sự, tăng "
        "thời lượng trên phương tiện thông tin đại chúng; đổi mới cách truyền thông để thu hút giới trẻ "
        "qua Internet, mạng xã hội và truyền thông trực tiếp có tương tác tại cộng đồng; mở lớp tuyên "
        "truyền, tư vấn, nói chuyện chuyên đề, pa nô, áp phích, băng rôn, khẩu hiệu; phát triển tài liệu, "
        "công cụ truyền thông cho từng nhóm (thanh thiếu niên, học sinh, người lao động ở cơ sở kinh doanh "
        "dịch vụ và khu công nghiệp) về tác hại, pháp luật, tình dục an toàn, giảm kỳ thị; biểu dương, "
        "khen thưởng tập thể, cá nhân có đóng góp.",
    ),
    SeedSection(
        A.PREVENTION,
        "Nhiệm vụ: phòng ngừa thông qua lồng ghép các chương trình kinh tế - xã hội",
        "Rà soát, đánh giá nhu cầu của người bán dâm khó khăn tài chính, thanh niên chưa có việc làm, "
        "người lao động ở cơ sở kinh doanh dịch vụ và nhóm nguy cơ cao để hướng các chương trình kinh tế - "
        "xã hội, an sinh, bảo trợ xã hội tới họ; lồng ghép cho lao động nông thôn, thanh niên hộ nghèo, "
        "cận nghèo, lao động di cư, phụ nữ cần việc làm trong các chương trình dạy nghề, việc làm, vay "
        "vốn, giảm nghèo.",
    ),
    SeedSection(
        A.INSPECTION,
        "Nhiệm vụ: thanh tra, kiểm tra, xử lý vi phạm; điều tra, truy tố",
        "Quản lý chặt điều kiện thành lập, hoạt động của cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn; tăng "
        "quản lý an ninh trật tự, điều tra, triệt phá tổ chức phạm tội; kiểm tra, giám sát đấu tranh với vi "
        "phạm từ cơ sở; kịp thời truy tố. Thực hành quyền công tố, kiểm sát tin báo, điều tra, xét xử án mại "
        "dâm; xét xử nghiêm; bảo vệ nạn nhân, nhất là trẻ em, trong vụ mua bán người vì mục đích mại dâm.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Nhiệm vụ: can thiệp giảm tác hại, phòng lây nhiễm và bạo lực trên cơ sở giới",
        "Hình thành mạng lưới cung cấp dịch vụ giảm hại, phòng, chống bạo lực giới, hòa nhập cộng đồng có "
        "sự tham gia của nhà nước, tổ chức xã hội, doanh nghiệp, chuyên gia, cá nhân trong và ngoài nước; "
        "đầu tư cơ sở vật chất cho các cơ sở giáo dục nghề nghiệp, chăm sóc sức khỏe, phòng lây nhiễm, hỗ "
        "trợ hòa nhập.",
    ),
    SeedSection(
        A.TRAINING,
        "Nhiệm vụ: tập huấn, bồi dưỡng",
        "Tập huấn, cập nhật kiến thức, kỹ năng tư vấn, hỗ trợ, tuyên truyền; bồi dưỡng cán bộ, công chức, "
        "viên chức, chiến sĩ phòng, chống tệ nạn xã hội các cấp, người cung cấp dịch vụ hỗ trợ người bán "
        "dâm và mạng lưới báo cáo viên, tuyên truyền viên, tình nguyện viên, cộng tác viên.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: hoàn thiện thể chế",
        "Đề xuất chế tài nghiêm hơn để xử phạt hành chính, truy cứu hình sự vi phạm về mại dâm; đề xuất "
        "chính sách bảo vệ người chưa thành niên, phát hiện sớm và xử lý nghiêm vi phạm quyền trẻ em liên "
        "quan đến mại dâm.",
    ),
    SeedSection(
        A.LEADERSHIP,
        "Giải pháp: tổ chức thực hiện",
        "Cấp ủy đưa phòng, chống mại dâm vào văn kiện, nghị quyết, chiến lược kinh tế - xã hội, theo dõi, "
        "kiểm tra và gắn trách nhiệm người đứng đầu; UBND xã, thị trấn coi phòng, chống mại dâm là nhiệm "
        "vụ kinh tế - xã hội, lồng ghép với an sinh, HIV/AIDS, ma túy, mua bán người; phối hợp liên ngành, "
        "trao đổi thông tin, báo cáo, sơ kết, tổng kết; nhân rộng mô hình hiệu quả.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: nguồn lực",
        "Tập trung ngân sách cho hoạt động trọng điểm; huy động cơ quan, tổ chức, cá nhân, cộng đồng tham "
        "gia phòng ngừa, giảm hại, hòa nhập; xã hội hóa; lồng ghép với chương trình kinh tế - xã hội, an "
        "sinh, ma túy, HIV/AIDS.",
    ),
)

TARGETS = (
    SeedTarget(
        A.COMMUNICATION,
        "Ít nhất 70% xã, thị trấn có ít nhất một hình thức tuyên truyền phòng ngừa mại dâm, duy trì thường "
        "xuyên.",
        I.COMMUNES_WITH_COMMUNICATION,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Tiếp sóng đầy đủ hằng tháng các tin, bài về phòng, chống mại dâm của Đài Phát thanh và Truyền hình "
        "Bắc Kạn.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Ít nhất 70% người lao động ở cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được tuyên truyền "
        "chính sách, pháp luật, kiến thức về phòng, chống mại dâm.",
        I.WORKERS_AT_ESTABLISHMENTS_REACHED,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Ít nhất 70% người lao động trong khu công nghiệp được tuyên truyền về phòng, chống mại dâm.",
        I.INDUSTRIAL_WORKERS_REACHED,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "70% học sinh trung học phổ thông và cơ sở giáo dục nghề nghiệp được tuyên truyền về phòng, chống "
        "mại dâm.",
        I.STUDENTS_REACHED,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, thị trấn xây dựng và triển khai kế hoạch phòng, chống mại dâm, lồng ghép với chương trình "
        "kinh tế - xã hội, an sinh, trợ giúp xã hội, ma túy, HIV/AIDS.",
        I.UNITS_WITH_PLAN,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.INSPECTION,
        "Toàn bộ tố giác, tin báo về tội phạm và kiến nghị khởi tố liên quan đến mại dâm được tiếp nhận, xác "
        "minh, giải quyết kịp thời.",
        I.TIPS_HANDLED_ON_TIME,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Trong năm, số tội phạm liên quan đến mại dâm được xử lý tăng ít nhất 3%, nhất là ở địa bàn trọng "
        "điểm.",
        I.CRIMES_HANDLED_CHANGE,
        INCREASE,
        N(3),
        measure_unit=PCT_YEAR,
        due_year=YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Kiểm tra ít nhất 20% cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn.",
        I.ESTABLISHMENTS_INSPECTED_YEAR,
        GTE,
        N(20),
        measure_unit=PCT,
        due_year=YEAR,
    ),
)

TASKS = (
    # 1. Văn phòng HĐND-UBND huyện
    SeedTask(
        A.LEADERSHIP,
        "Là đầu mối, chủ trì phối hợp với các cơ quan, đơn vị thực hiện kế hoạch.",
        "office",
        coordinating_note="Các cơ quan, đơn vị liên quan",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Cùng các cơ quan liên quan xây dựng, thực hiện kế hoạch thông tin, truyền thông và các giải pháp "
        "phòng ngừa mại dâm trên địa bàn huyện.",
        "office",
        coordinating_note="Các cơ quan, đơn vị liên quan",
    ),
    SeedTask(
        A.LEADERSHIP,
        "Báo cáo sơ kết, tổng kết với Ủy ban nhân dân huyện theo quy định.",
        "office",
    ),
    # 2. Trung tâm Y tế huyện
    SeedTask(
        A.HARM_REDUCTION,
        "Can thiệp giảm tác hại HIV/AIDS; nâng chất lượng khám chữa bệnh; phối hợp khám sức khỏe định kỳ cho "
        "người lao động ở cơ sở kinh doanh dịch vụ theo hướng dẫn của Bộ Y tế.",
        "health",
    ),
    # 3. Phòng Nội vụ huyện
    SeedTask(
        A.PREVENTION,
        "Thông tin, tư vấn về di cư lao động hợp pháp, an toàn và phòng lừa đảo việc làm trong, ngoài nước; "
        "kiểm tra đơn vị tư vấn, tuyển chọn lao động đi làm việc ở nước ngoài trên địa bàn.",
        "home",
    ),
    # 4. Công an các xã, thị trấn (no district police since 2025: the group is recorded in the note)
    SeedTask(
        A.INSPECTION,
        "Rà soát vướng mắc trong quản lý an ninh trật tự đối với ngành nghề kinh doanh có điều kiện dễ phát "
        "sinh mại dâm để đề xuất sửa đổi; đấu tranh triệt phá ổ nhóm, đường dây tội phạm liên quan, nhất là "
        "mua bán phụ nữ, trẻ em gái vì mục đích mại dâm.",
        "ubnd",
        coordinating_note="Công an các xã, thị trấn (thực hiện), phối hợp với các cơ quan, đơn vị địa phương",
    ),
    # 5. Phòng Tài chính - Kế hoạch
    SeedTask(
        A.OTHER,
        "Tham mưu UBND huyện bố trí kinh phí theo phân cấp, lồng ghép vào dự toán chi thường xuyên của các "
        "cơ quan; hướng dẫn, kiểm tra việc sử dụng và quyết toán.",
        "finance",
    ),
    # 6. Phòng Văn hóa, Khoa học và Thông tin
    SeedTask(
        A.INSPECTION,
        "Thanh tra, kiểm tra cơ sở văn hóa, du lịch để ngăn khiêu dâm, văn hóa phẩm đồi trụy, lợi dụng du "
        "lịch cho mại dâm; lồng ghép tuyên truyền vào văn hóa, nghệ thuật, thể thao; đề xuất chặn trang "
        "mạng có nội dung mại dâm; cùng UBND xã, thị trấn lập kế hoạch truyền thông trên phương tiện đại "
        "chúng.",
        "culture",
        coordinating_note="Các đơn vị liên quan và Ủy ban nhân dân các xã, thị trấn",
    ),
    # 7. Phòng Giáo dục và Đào tạo
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo trường học lồng ghép giáo dục phòng, chống mại dâm trong hoạt động trải nghiệm, ngoài giờ "
        "lên lớp; giáo dục đạo đức, lối sống, kỹ năng sống cho học sinh.",
        "education",
    ),
    # 8. Phòng Tư pháp huyện
    SeedTask(
        A.COMMUNICATION,
        "Phối hợp tuyên truyền, phổ biến, giáo dục pháp luật về phòng, chống mại dâm.",
        "justice",
        coordinating_note="Các đơn vị liên quan",
    ),
    # 9. Trung tâm Văn hóa, Thể thao và Truyền thông huyện
    SeedTask(
        A.COMMUNICATION,
        "Chủ động tham mưu các nhiệm vụ liên quan; thường xuyên đưa nội dung phòng, chống mại dâm vào chương "
        "trình thông tin, truyền thông, nâng chất lượng và thời lượng.",
        "media_centre",
        coordinating_note="Các cơ quan liên quan",
        recurrence=Task.Recurrence.CONTINUOUS,
    ),
    # 10. Ủy ban nhân dân các xã, thị trấn
    SeedTask(
        A.PREVENTION,
        "Lập kế hoạch, bố trí nguồn lực thực hiện nhiệm vụ, giải pháp của kế hoạch sát tình hình địa phương; "
        "lồng ghép phòng, chống mại dâm vào chương trình, dự án khác.",
        "ubnd",
        coordinating_note="Ủy ban nhân dân các xã, thị trấn (mỗi đơn vị thực hiện)",
    ),
    # 11. Viện Kiểm sát nhân dân, Tòa án nhân dân huyện (đề nghị)
    SeedTask(
        A.TRAINING,
        "Nâng năng lực kiểm sát viên, thẩm phán về điều tra, truy tố, xét xử án mại dâm; phối hợp phòng, "
        "chống tệ nạn; thống kê tội phạm mại dâm ở giai đoạn truy tố, xét xử.",
        "procuracy",
        coordinating=("court",),
    ),
    # 12. Ủy ban MTTQ, Hội LHPN, Huyện đoàn, Liên đoàn Lao động huyện (đề nghị)
    SeedTask(
        A.COMMUNICATION,
        "Hướng dẫn tổ chức thành viên, hội viên, đoàn viên vận động, tuyên truyền nâng cao nhận thức, trách "
        "nhiệm phòng, chống tệ nạn mại dâm.",
        "front",
        coordinating=("women", "youth", "labour_federation"),
    ),
)

# One paragraph of the document states every rule (the Word document prints it once).
REPORTING = (
    "Các cơ quan, đơn vị liên quan và UBND các xã, thị trấn báo cáo kết quả 6 tháng (trước ngày 20/6) và "
    "năm (trước ngày 20/12) về Ủy ban nhân dân huyện để tổng hợp."
)

RULES = (
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="ubnd",
        due_day=20,
        due_month=6,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="ubnd",
        due_day=20,
        due_month=6,
    ),
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="ubnd",
        due_day=20,
        due_month=12,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="ubnd",
        due_day=20,
        due_month=12,
    ),
)

PLAN = SeedPlan(
    key="na_ri_2025",
    original_file="003_25dd4e3a55420265.txt",
    unit_path="L06.066",
    agencies=AGENCIES,
    issuer="ubnd",
    focal="office",
    number="",
    symbol="KH-UBND",
    issued_on=None,
    issued_place="Na Rì",
    title="Triển khai thực hiện công tác phòng, chống mại dâm trên địa bàn huyện Na Rì năm 2025",
    kind=Plan.Kind.ANNUAL,
    period_start=D(YEAR, 1, 1),
    period_end=D(YEAR, 12, 31),
    implements_reference=(
        "Kế hoạch số 175/KH-UBND ngày 19/3/2025 của Ủy ban nhân dân tỉnh Bắc Kạn triển khai thực hiện công "
        "tác phòng, chống mại dâm trên địa bàn tỉnh Bắc Kạn năm 2025"
    ),
    preamble=(
        "Để thực hiện Kế hoạch số 175/KH-UBND ngày 19/3/2025 của Ủy ban nhân dân tỉnh Bắc Kạn, Ủy ban nhân "
        "dân huyện Na Rì xây dựng kế hoạch phòng, chống mại dâm năm 2025 trên địa bàn huyện."
    ),
    purpose=(
        "Phát huy sức mạnh tổng hợp, thay đổi mạnh nhận thức và trách nhiệm của các cấp, các ngành và toàn "
        "xã hội; nâng hiệu quả quản lý nhà nước về phòng, chống mại dâm; không để mại dâm phát sinh ở "
        "người chưa thành niên, học sinh, sinh viên, ngăn xâm hại tình dục trẻ em."
    ),
    requirements=(
        "Phối hợp chặt chẽ giữa các cấp, ngành, địa phương trong phòng ngừa, đấu tranh, xử lý vi phạm; gắn "
        "phòng, chống mại dâm với phòng, chống ma túy và HIV/AIDS. Lồng ghép với chương trình, dự án, chính "
        "sách an sinh xã hội; giúp phụ nữ, trẻ em gái, hộ nghèo tiếp cận dịch vụ trợ giúp để phòng nguy cơ; "
        "tăng khả năng tiếp cận dịch vụ xã hội, hòa nhập cộng đồng của người bán dâm."
    ),
    budget_clause=(
        "Ngân sách nhà nước theo phân cấp hiện hành và nguồn huy động hợp pháp khác (nếu có); quản lý, sử "
        "dụng theo pháp luật về ngân sách nhà nước."
    ),
    closing_text=(
        "Ủy ban nhân dân huyện yêu cầu các cơ quan, đơn vị liên quan và Ủy ban nhân dân các xã, thị trấn "
        "nghiêm túc triển khai kế hoạch."
    ),
    signer=SeedSigner(
        position="PHÓ CHỦ TỊCH",
        name="Nông Quang Kế",
        on_behalf_of="ỦY BAN NHÂN DÂN",
        authority=Plan.Authority.ON_BEHALF,
        principal_title="CHỦ TỊCH",
    ),
    recipients=(
        "Gửi bản điện tử",
        "Như trên (t/h)",
        "UBND tỉnh (b/c)",
        "Sở Y tế (b/c)",
        "TT HU, HĐND huyện",
        "CT, PCT UBND huyện",
        "Các cơ quan, ban, ngành, đoàn thể huyện",
        "UBND các xã, thị trấn",
        "Lãnh đạo VP",
    ),
    archive_line="Lưu: VT, VX",
    sections=SECTIONS,
    targets=TARGETS,
    tasks=TASKS,
    rules=RULES,
)
