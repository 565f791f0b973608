"""UBND huyện Cao Lãnh (Đồng Tháp): PCMD plan of the district for 2021–2025, Kế hoạch số 166/KH-UBND of
22/09/2021.

The district (legacy code 873 of the legacy Đồng Tháp, 87) ceased to exist on 01/07/2025. Its chapter
"Nhiệm vụ" lists nine duties without assigning them: they are a section; the assigned duties of "Tổ chức thực
hiện" are the tasks.
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
GTE = Target.Comparator.AT_LEAST
PCT = Target.MeasureUnit.PERCENT
EACH_COMMUNE = Target.AppliesTo.EACH_COMMUNE
R = ReportingRule

# Phòng LĐ-TB&XH merged away when the health sector took over PCMD on 01/03/2025 (DOMAIN.md §1).
LABOUR_LAST_DAY = D(2025, 2, 28)

AGENCIES = (
    SeedAgency("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân huyện Cao Lãnh", "UBND huyện"),
    SeedAgency(
        "labour",
        K.LABOUR_SOCIAL,
        "Phòng Lao động - Thương binh và Xã hội huyện Cao Lãnh",
        "Phòng LĐ-TB&XH",
        valid_to=LABOUR_LAST_DAY,
    ),
    SeedAgency("police", K.POLICE, "Công an huyện Cao Lãnh", "Công an huyện"),
    SeedAgency(
        "culture", K.CULTURE_SPORTS_TOURISM, "Phòng Văn hóa và Thông tin huyện Cao Lãnh", "Phòng VH-TT"
    ),
    SeedAgency("health", K.HEALTH, "Phòng Y tế huyện Cao Lãnh", "Phòng Y tế"),
    SeedAgency("education", K.EDUCATION, "Phòng Giáo dục và Đào tạo huyện Cao Lãnh", "Phòng GD-ĐT"),
    SeedAgency("justice", K.JUSTICE, "Phòng Tư pháp huyện Cao Lãnh", "Phòng Tư pháp"),
    SeedAgency("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân huyện Cao Lãnh", "VKSND huyện"),
    SeedAgency("court", K.COURT, "Tòa án nhân dân huyện Cao Lãnh", "TAND huyện"),
    SeedAgency(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Cao Lãnh", "Ủy ban MTTQ huyện"
    ),
)

SECTIONS = (
    SeedSection(
        A.OTHER,
        "Nhiệm vụ",
        "1. Phát huy vai trò lãnh đạo của cấp ủy, chính quyền và huy động cả hệ thống chính trị thực hiện "
        "kế hoạch.\n2. Tuyên truyền về tệ nạn mại dâm tới mọi đối tượng, gắn chủ trương, chính sách, pháp "
        "luật với tác hại đối với sức khỏe.\n3. Kiểm tra, giám sát; quản lý địa bàn và cơ sở kinh doanh "
        "dịch vụ dễ bị lợi dụng, không để phát sinh tụ điểm.\n4. Triệt xóa điểm nghi có mại dâm nơi công "
        "cộng và trong cơ sở kinh doanh dịch vụ, không để tái hoạt động.\n5. Phát hiện, triệt phá, xét xử "
        "ổ nhóm môi giới; thống kê người bán dâm bị xử phạt hành chính; gắn với phòng, chống mua bán người "
        "và HIV/AIDS.\n6. Hằng năm đánh giá, phân loại, chấm điểm xã, thị trấn lành mạnh không tệ nạn ma "
        "túy, mại dâm theo Nghị quyết liên tịch số 01/2008/NQLT-BLĐTBXH-BCA-BVHTTDL-UBTƯMTTQVN ngày "
        "28/8/2008.\n7. Duy trì mô hình xã, thị trấn không tệ nạn mại dâm.\n8. Triển khai mô hình hỗ trợ "
        "giảm tác hại cho người bán dâm theo chỉ đạo của tỉnh.\n9. Tuyên truyền, tập huấn nâng cao năng "
        "lực cán bộ phòng, chống mại dâm các cấp.",
    ),
    SeedSection(
        A.COMMUNICATION,
        "Giải pháp: thông tin, tuyên truyền, phổ biến chính sách, pháp luật",
        "Thường xuyên tuyên truyền, giáo dục pháp luật, chính sách về phòng, chống mại dâm; nêu gương "
        "người tốt, việc tốt, mô hình hay; đa dạng hình thức; vận động nhân dân xây dựng xã, thị trấn lành "
        'mạnh gắn với phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư" và xây dựng '
        "nông thôn mới.",
    ),
    SeedSection(
        A.INSPECTION,
        "Giải pháp: đấu tranh phòng, chống mại dâm",
        "Thực hiện Chỉ thị số 22/CT-TTg ngày 15/10/2013 của Thủ tướng Chính phủ; lồng ghép với ma túy, "
        "HIV/AIDS, an sinh xã hội, giảm nghèo, dạy nghề, việc làm. Cấp ủy, chính quyền đưa phòng, chống "
        "mại dâm vào nghị quyết, kế hoạch kinh tế - xã hội. Thống kê người vi phạm bị xử phạt hành chính; "
        "tiếp cận, tư vấn, nắm nguyện vọng người bán dâm để hỗ trợ pháp lý, dạy nghề, việc làm. Khảo sát "
        "tình hình, giải quyết dứt điểm tụ điểm, không để phát sinh mới hay tái hoạt động. Xử lý sản xuất, "
        "buôn bán, sử dụng văn hóa phẩm đồi trụy. Kiện toàn lực lượng kiểm tra liên ngành; kiểm tra định "
        "kỳ, đột xuất cơ sở kinh doanh dịch vụ. Tiếp nhận tin báo, tố giác; quản lý đối tượng nghi vấn, "
        "phát hiện đường dây, ổ nhóm để điều tra, triệt xóa.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Giải pháp: hỗ trợ giảm hại cho người bán dâm",
        'Duy trì, nhân rộng mô hình "Hỗ trợ đảm bảo quyền của người lao động trong các cơ sở kinh doanh '
        'dịch vụ dễ phát sinh tệ nạn mại dâm"; triển khai mô hình giảm hại theo hướng dẫn của Sở Lao động '
        "- Thương binh và Xã hội.",
    ),
    SeedSection(
        A.TRAINING,
        "Giải pháp: nâng cao năng lực cán bộ",
        "Tập huấn chuyên môn, quản lý nhà nước, công tác xã hội cho cán bộ phòng, chống tệ nạn xã hội để "
        "tham mưu và triển khai nhiệm vụ ở địa phương.",
    ),
)

TARGETS = (
    SeedTarget(
        A.PREVENTION,
        "Giữ vững kết quả giai đoạn 2016 - 2020; ngăn phát sinh và giảm số người bán dâm.",
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Mọi xã, thị trấn tuyên truyền phòng, chống tệ nạn mại dâm bằng nhiều hình thức phù hợp.",
        I.COMMUNES_WITH_COMMUNICATION,
        GTE,
        N(100),
        measure_unit=PCT,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.INSPECTION,
        "Kiểm tra liên ngành, xử lý toàn bộ người vi phạm hành chính và phạm tội liên quan đến mại dâm.",
        I.OFFENDERS_HANDLED,
        GTE,
        N(100),
        measure_unit=PCT,
    ),
    SeedTarget(
        A.INSPECTION,
        "Kiểm tra toàn bộ cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn.",
        I.ESTABLISHMENTS_EVER_INSPECTED,
        GTE,
        N(100),
        measure_unit=PCT,
    ),
    SeedTarget(A.INSPECTION, "Giảm mọi hình thức mại dâm trá hình."),
    SeedTarget(
        A.HARM_REDUCTION,
        "Mọi người bán dâm có nhu cầu được tiếp cận, sử dụng dịch vụ hỗ trợ xã hội phù hợp.",
        I.SEX_WORKERS_SERVED,
        GTE,
        N(100),
        measure_unit=PCT,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, thị trấn đăng ký xây dựng xã, thị trấn lành mạnh không tệ nạn mại dâm.",
        I.COMMUNES_REGISTERED_HEALTHY,
        GTE,
        N(100),
        measure_unit=PCT,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, thị trấn được hướng dẫn tiêu chí đánh giá, xếp loại về phòng, chống tệ nạn ma túy, mại dâm.",
        "",
        GTE,
        N(100),
        measure_unit=PCT,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.PREVENTION,
        "Giữ toàn bộ xã, thị trấn không tệ nạn mại dâm như kết quả phân loại năm 2020.",
        I.COMMUNES_WITHOUT_PROSTITUTION,
        GTE,
        N(100),
        measure_unit=PCT,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.TRAINING,
        "Mọi cán bộ được tập huấn nâng cao năng lực điều hành, phối hợp liên ngành, giám sát, đánh giá "
        "phòng, chống mại dâm.",
        I.OFFICIALS_TRAINED_LOCAL,
        GTE,
        N(100),
        measure_unit=PCT,
    ),
)

LOWER_UNITS_NOTE = "Ủy ban nhân dân các xã, thị trấn (mỗi đơn vị thực hiện)"

TASKS = (
    # 1. Phòng Lao động - Thương binh và Xã hội
    SeedTask(
        A.LEADERSHIP,
        "Tham mưu UBND huyện kế hoạch triển khai hằng năm; theo dõi, giám sát; tổng hợp báo cáo UBND huyện "
        "và Sở Lao động - Thương binh và Xã hội.",
        "labour",
        recurrence=Task.Recurrence.YEARLY,
    ),
    SeedTask(
        A.PREVENTION,
        "Lồng ghép phòng, chống mại dâm với giảm nghèo bền vững, dạy nghề, việc làm, ma túy, HIV/AIDS, mua "
        "bán người, xâm hại tình dục trẻ em; quản lý lao động ở cơ sở kinh doanh dịch vụ và xử lý vi phạm.",
        "labour",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Cùng UBND xã, thị trấn triển khai mô hình xã, thị trấn không tệ nạn mại dâm và mô hình mới hỗ trợ "
        "giảm hại; phổ biến văn bản pháp luật; nâng nghiệp vụ cán bộ phòng, chống tệ nạn xã hội.",
        "labour",
        coordinating_note="Ủy ban nhân dân các xã, thị trấn",
    ),
    SeedTask(
        A.OTHER,
        "Đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phòng, chống mại dâm.",
        "labour",
    ),
    # 2. Công an huyện
    SeedTask(
        A.HOTSPOTS,
        "Điều tra, triệt phá ổ nhóm, đường dây, tụ điểm mại dâm; gắn với phòng, chống tội phạm; hướng dẫn "
        "cơ sở kinh doanh dịch vụ giữ an ninh trật tự.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Phát động nhân dân tố giác; duy trì đường dây nóng, hộp thư tiếp nhận tin báo.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Nắm chắc địa bàn, kiểm tra và xử lý nghiêm hành vi liên quan đến mại dâm.",
        "police",
    ),
    # 3. Phòng Văn hóa và Thông tin
    SeedTask(
        A.INSPECTION,
        "Thường xuyên kiểm tra cơ sở kinh doanh dịch vụ văn hóa, xử lý vi phạm; ngăn chặn khiêu dâm, kích "
        "dục, văn hóa phẩm bị cấm, bị đình chỉ.",
        "culture",
        coordinating_note="Các ban, ngành liên quan",
        recurrence=Task.Recurrence.CONTINUOUS,
    ),
    SeedTask(
        A.COMMUNICATION,
        'Tuyên truyền chủ trương, pháp luật gắn với phong trào "Toàn dân đoàn kết xây dựng đời sống văn '
        'hóa", gia đình văn hóa, ấp văn hóa nông thôn mới, khóm văn minh đô thị, phòng, chống mại dâm và '
        "HIV/AIDS.",
        "culture",
    ),
    # 4. Phòng Y tế
    SeedTask(
        A.HARM_REDUCTION,
        "Chủ trì giúp người bán dâm tiếp cận dịch vụ dự phòng, khám, điều trị HIV/AIDS, bệnh lây qua đường "
        "tình dục và điều trị Methadone cho người có sử dụng ma túy.",
        "health",
        coordinating_note="Các ban, ngành liên quan",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Hướng dẫn khám sức khỏe định kỳ cho người lao động ở cơ sở kinh doanh dịch vụ dễ bị lợi dụng.",
        "health",
    ),
    # 5. Phòng Giáo dục và Đào tạo
    SeedTask(
        A.COMMUNICATION,
        "Hướng dẫn giáo dục đạo đức, lối sống, kỹ năng sống, giới tính, sức khỏe sinh sản vị thành niên "
        "trong chính khóa; tổ chức ngoại khóa tuyên truyền phòng, chống mại dâm cho học sinh.",
        "education",
    ),
    # 6. Phòng Tư pháp
    SeedTask(
        A.COMMUNICATION,
        "Tuyên truyền, giáo dục pháp luật về phòng, chống mại dâm, phối hợp với Phòng Lao động - Thương "
        "binh và Xã hội phổ biến văn bản pháp luật sát thực tế.",
        "justice",
        coordinating=("labour",),
    ),
    # 7. Viện Kiểm sát nhân dân, Tòa án nhân dân huyện (đề nghị)
    SeedTask(
        A.INSPECTION,
        "Truy tố, xét xử kịp thời, đúng pháp luật án mại dâm; tăng xét xử điểm, lưu động ở khu dân cư để răn "
        "đe, phòng ngừa.",
        "procuracy",
        coordinating=("court",),
    ),
    # 8. Ủy ban MTTQ và các tổ chức chính trị - xã hội huyện (đề nghị)
    SeedTask(
        A.COMMUNICATION,
        "Tuyên truyền, vận động đoàn viên, hội viên và nhân dân tham gia đấu tranh với mại dâm gắn với các "
        "cuộc vận động, phong trào; phát huy vai trò tự quản ở khu dân cư.",
        "front",
        coordinating_note="Các tổ chức chính trị - xã hội huyện",
    ),
    # 9. Ủy ban nhân dân xã, thị trấn
    SeedTask(
        A.PREVENTION,
        "Xây dựng kế hoạch phòng, chống mại dâm sát tình hình địa phương; lồng ghép vào giảm nghèo, dạy "
        "nghề, việc làm, ma túy, HIV/AIDS, mua bán người.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.INSPECTION,
        "Thường xuyên kiểm tra cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
        recurrence=Task.Recurrence.CONTINUOUS,
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Tiếp cận, tư vấn, hỗ trợ y tế, pháp lý, dạy nghề, việc làm để người bán dâm có thu nhập ổn định, "
        "chuyển đổi nghề, không tái phạm.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
)

RULES = (
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.ANNUAL,
        "Hằng năm các cơ quan, đơn vị gửi báo cáo kết quả về Phòng Lao động - Thương binh và Xã hội trước "
        "ngày 15/12 để tổng hợp, báo cáo UBND huyện và Sở Lao động - Thương binh và Xã hội.",
        recipient="labour",
        due_day=15,
        due_month=12,
    ),
)

PLAN = SeedPlan(
    key="cao_lanh_2021_2025",
    original_file="002_3e4c375ef8924e55.txt",
    unit_path="L87.873",
    agencies=AGENCIES,
    issuer="ubnd",
    focal="labour",
    number="166",
    symbol="KH-UBND",
    issued_on=D(2021, 9, 22),
    issued_place="Cao Lãnh",
    title="Phòng, chống mại dâm trên địa bàn huyện Cao Lãnh giai đoạn 2021 - 2025",
    kind=Plan.Kind.PROGRAMME,
    period_start=D(2021, 1, 1),
    period_end=D(2025, 12, 31),
    implements_reference=(
        "Kế hoạch số 208/KH-UBND ngày 07/7/2021 của Ủy ban nhân dân tỉnh Đồng Tháp về phòng, chống mại dâm "
        "trên địa bàn tỉnh Đồng Tháp giai đoạn 2021 - 2025"
    ),
    preamble=(
        "Để thực hiện Kế hoạch số 208/KH-UBND ngày 07/7/2021 của Ủy ban nhân dân tỉnh Đồng Tháp, Ủy ban nhân "
        "dân huyện xây dựng kế hoạch phòng, chống mại dâm giai đoạn 2021 - 2025 trên địa bàn huyện."
    ),
    purpose=(
        "Tạo đồng thuận, quyết tâm và thay đổi nhận thức, hành động của chính quyền, ban, ngành, đoàn thể "
        "và nhân dân trong phòng ngừa, ngăn chặn mại dâm. Đấu tranh với tội phạm chứa, môi giới, tổ chức "
        "mại dâm; xử lý dứt điểm điểm phức tạp và cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn; phòng ngừa "
        "mại dâm trong học sinh; giảm tác hại, hỗ trợ dạy nghề, việc làm và bảo đảm người bán dâm tiếp cận "
        "bình đẳng dịch vụ xã hội để hòa nhập cộng đồng."
    ),
    requirements="",
    budget_clause="Thực hiện theo quy định.",
    closing_text=(
        "Khó khăn, vướng mắc được phản ánh về Ủy ban nhân dân huyện (qua Phòng Lao động - Thương binh và Xã "
        "hội) để được hướng dẫn."
    ),
    signer=SeedSigner(
        position="PHÓ CHỦ TỊCH",
        name="Bùi Tấn Phước",
        on_behalf_of="ỦY BAN NHÂN DÂN",
        authority=Plan.Authority.ON_BEHALF,
        principal_title="CHỦ TỊCH",
    ),
    recipients=(
        "Sở LĐTBXH",
        "TT/HU, TT/HĐND Huyện",
        "CT và các PCT/UBND Huyện",
        "UBMTTQ và các đoàn thể Huyện",
        "Các ban, ngành Huyện",
        "UBND xã, thị trấn",
        "LĐVP, NC",
    ),
    archive_line="Lưu: VT, VPUBND (Luyên)",
    sections=SECTIONS,
    targets=TARGETS,
    tasks=TASKS,
    rules=RULES,
)
