"""UBND tỉnh Sơn La: PCMD plan of the province for 2026 (two-level government: province → xã/phường).

The copy we hold is unnumbered and undated ("Số: /KH-UBND", "ngày tháng năm 2026"; it follows the health
department's Tờ trình of 23/03/2026): number and date stay empty. Agency names are those of the demo data
(pcmd/demo/dataset.py), which follow this plan; the focal agency is Sở Y tế.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from pcmd.agencies.models import AgencyKind as K
from pcmd.planning.models import IndicatorKey as I
from pcmd.planning.models import Plan, ReportingRule, Target
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
YEAR = 2026

AGENCIES = (
    SeedAgency("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Sơn La", "UBND tỉnh"),
    SeedAgency("health", K.HEALTH, "Sở Y tế tỉnh Sơn La", "Sở Y tế"),
    SeedAgency("police", K.POLICE, "Công an tỉnh Sơn La", "Công an tỉnh"),
    SeedAgency("finance", K.FINANCE, "Sở Tài chính tỉnh Sơn La", "Sở Tài chính"),
    SeedAgency("science", K.SCIENCE_TECHNOLOGY, "Sở Khoa học và Công nghệ tỉnh Sơn La", "Sở KH&CN"),
    SeedAgency(
        "culture", K.CULTURE_SPORTS_TOURISM, "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", "Sở VH-TT-DL"
    ),
    SeedAgency("justice", K.JUSTICE, "Sở Tư pháp tỉnh Sơn La", "Sở Tư pháp"),
    SeedAgency("education", K.EDUCATION, "Sở Giáo dục và Đào tạo tỉnh Sơn La", "Sở GD-ĐT"),
    SeedAgency("border", K.BORDER_GUARD, "Ban Chỉ huy Bộ đội Biên phòng tỉnh Sơn La", "BCH BĐBP tỉnh"),
    SeedAgency("customs", K.CUSTOMS, "Hải quan Sơn La"),
    SeedAgency("customs_gate", K.CUSTOMS, "Hải quan cửa khẩu quốc tế Lóng Sập"),
    SeedAgency("press", K.PRESS_MEDIA, "Báo và Phát thanh, Truyền hình Sơn La"),
    SeedAgency(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La", "Ủy ban MTTQ tỉnh"
    ),
    SeedAgency("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân tỉnh Sơn La", "VKSND tỉnh"),
    SeedAgency("court", K.COURT, "Tòa án nhân dân tỉnh Sơn La", "TAND tỉnh"),
)

SECTIONS = (
    SeedSection(
        A.LEADERSHIP,
        "Công tác lãnh đạo, chỉ đạo",
        "Thực hiện nghiêm chỉ đạo của Trung ương và pháp luật, cụ thể hóa thành kế hoạch, chính sách sát "
        "thực tiễn; đề cao trách nhiệm người đứng đầu, coi kết quả phòng, chống mại dâm là chỉ tiêu thi "
        "đua hằng năm; gắn với an sinh xã hội, ma túy, HIV/AIDS, mua bán người; giáo dục và xử lý nghiêm "
        "cán bộ, đảng viên bao che, dung túng hoặc tham gia tệ nạn.",
    ),
    SeedSection(
        A.COMMUNICATION,
        "Công tác thông tin, tuyên truyền",
        "Dùng công nghệ thông tin, mạng xã hội, nền tảng số để lan tỏa thông tin tích cực, mô hình hay; ưu "
        "tiên khu công nghiệp, cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn, lao động ngoại tỉnh, học "
        "sinh, sinh viên; lồng ghép pháp luật với giáo dục đạo đức, kỹ năng sống, cảnh báo thủ đoạn môi "
        "giới qua mạng; dùng hình thức văn hóa, văn nghệ, chuyên trang, chuyên mục, tăng thời lượng, tập "
        "trung vào xã, phường giáp ranh, phức tạp, nơi có nhiều khu công nghiệp, nhà xưởng, trường học, "
        "khu trọ, người nguy cơ cao, người tái vi phạm; lồng ghép với ma túy, HIV/AIDS, mua bán người. Tập "
        "huấn, bồi dưỡng cán bộ, chiến sĩ, tình nguyện viên Đội công tác xã hội tình nguyện, báo cáo viên, "
        "tuyên truyền viên, người dân ở xã, phường và người cung cấp dịch vụ hỗ trợ người bán dâm.",
    ),
    SeedSection(
        A.INSPECTION,
        "Công tác kiểm tra và đấu tranh xử lý vi phạm",
        "Quản lý cư trú, tạm trú, lập hồ sơ theo dõi cơ sở kinh doanh có điều kiện về an ninh trật tự; duy "
        "trì Đội kiểm tra liên ngành 178, kiểm tra định kỳ và đột xuất; kiểm soát mạng xã hội để ngăn môi "
        "giới, tổ chức mua dâm qua mạng; điều tra, xử lý đường dây môi giới, chứa chấp, nhất là mua bán "
        "dâm người chưa thành niên và mại dâm qua mạng; hậu kiểm, không để điểm đã triệt xóa tái hoạt "
        "động; phát huy đường dây nóng, hộp thư tố giác; truy tố, xét xử nghiêm để răn đe; xã, phường theo "
        "dõi việc thành lập, hoạt động từng cơ sở, hậu kiểm cơ sở đã kiểm tra hoặc bị xử phạt; vận động "
        "nhân dân cung cấp tin và giữ bí mật cho người cung cấp.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Công tác can thiệp giảm hại và hỗ trợ hòa nhập cộng đồng",
        "Tư vấn, khám sàng lọc bệnh lây qua đường tình dục, điều trị ARV, hỗ trợ tâm lý cho người bán dâm; "
        "cung cấp kiến thức phòng bệnh, chuyển đến cơ sở y tế khi cần, tư vấn pháp lý, hỗ trợ học nghề, "
        "việc làm; dạy nghề, hướng nghiệp, giới thiệu việc làm để ổn định cuộc sống, giảm tái phạm; duy "
        "trì câu lạc bộ, nhóm tự lực, nhóm đồng đẳng, giảm phân biệt đối xử; phát huy Hội Phụ nữ, Đoàn "
        "Thanh niên trong phòng ngừa, giảm hại, tư vấn, giới thiệu việc làm.",
    ),
)

TARGETS = (
    SeedTarget(
        A.LEADERSHIP,
        "Toàn bộ cấp ủy, chính quyền, sở, ngành và UBND các xã, phường được quán triệt, phổ biến pháp luật "
        "về phòng, chống mại dâm.",
        I.OFFICIALS_BRIEFED,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Mọi xã, phường xây dựng và triển khai nội dung tuyên truyền, phổ biến pháp luật về phòng, chống mại "
        "dâm, lồng ghép với HIV/AIDS, ma túy, mua bán người.",
        I.COMMUNES_WITH_COMMUNICATION,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, phường có kế hoạch và tổ chức thực hiện phòng, chống mại dâm, lồng ghép với chương trình "
        "kinh tế - xã hội, giảm nghèo, an sinh xã hội.",
        I.UNITS_WITH_PLAN,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Mọi người bán dâm và người có nhu cầu được tiếp cận, tư vấn, sử dụng dịch vụ hỗ trợ xã hội, y tế, "
        "pháp lý.",
        I.SEX_WORKERS_SERVED,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Toàn bộ cơ sở kinh doanh dịch vụ có điều kiện trong tỉnh được rà soát, thống kê, đưa vào danh sách "
        "quản lý và được tuyên truyền, hướng dẫn pháp luật về phòng, chống mại dâm.",
        I.ESTABLISHMENTS_LISTED,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Hành vi chứa chấp, môi giới, tổ chức mại dâm được phát hiện, xử lý kịp thời; tăng đấu tranh với vi "
        "phạm trong kinh doanh dịch vụ có điều kiện.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.PREVENTION,
        "Các xã, phường xây dựng môi trường lành mạnh, không để phát sinh tệ nạn mại dâm, gắn với phong trào "
        "toàn dân bảo vệ an ninh Tổ quốc và phong trào thi đua ở địa phương.",
        I.COMMUNES_WITHOUT_PROSTITUTION,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
)

LOWER_UNITS_NOTE = "Ủy ban nhân dân các xã, phường (mỗi xã, phường thực hiện)"

TASKS = (
    # 1. Sở Y tế
    SeedTask(
        A.LEADERSHIP,
        "Tham mưu UBND tỉnh ban hành văn bản chỉ đạo nhiệm vụ phòng, chống mại dâm.",
        "health",
    ),
    SeedTask(
        A.LEADERSHIP,
        "Chủ trì theo dõi, đôn đốc, kiểm tra, giám sát việc thực hiện của sở, ngành, địa phương; tổng hợp, "
        "báo cáo UBND tỉnh.",
        "health",
    ),
    SeedTask(
        A.TRAINING,
        "Đào tạo, tập huấn nghiệp vụ cho cán bộ phòng, chống tệ nạn xã hội các cấp.",
        "health",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Chủ trì soạn tài liệu và cùng cơ quan báo chí mở các chiến dịch truyền thông phòng, chống mại dâm.",
        "health",
        coordinating_note="Các cơ quan thông tấn, báo chí",
    ),
    SeedTask(
        A.INSPECTION,
        "Chủ trì kiện toàn và điều hành Đội kiểm tra liên ngành phòng, chống mại dâm tỉnh.",
        "health",
        coordinating_note="Các đơn vị liên quan",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Hướng dẫn địa phương các giải pháp phòng ngừa; phát triển hệ thống dịch vụ hỗ trợ xã hội, y tế cho "
        "người bán dâm.",
        "health",
    ),
    SeedTask(
        A.OTHER,
        "Nghiên cứu xây dựng và quản lý cơ sở dữ liệu về phòng, chống mại dâm phục vụ quản lý nhà nước.",
        "health",
    ),
    # 2. Công an tỉnh
    SeedTask(
        A.HOTSPOTS,
        "Chủ trì điều tra, khám phá vụ án, triệt xóa tổ chức, đường dây, ổ nhóm tội phạm liên quan đến mại "
        "dâm.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Tăng quản lý an ninh trật tự, cư trú, tạm trú, tạm vắng; nắm di biến động của đối tượng nghi vấn.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Kiểm tra, hướng dẫn cơ sở kinh doanh có điều kiện (nhà nghỉ, khách sạn, karaoke...) chấp hành quy "
        "định về an ninh trật tự và phòng, chống mại dâm.",
        "police",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Tuyên truyền pháp luật về phòng, chống mại dâm gắn với bảo đảm an ninh trật tự.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Phối hợp kiểm tra hoạt động văn hóa, thông tin, truyền thông để xử lý văn hóa phẩm đồi trụy và "
        "môi giới mại dâm trên không gian mạng.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Duy trì kênh tiếp nhận, xác minh, xử lý kịp thời tố giác tội phạm liên quan đến mại dâm.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Chủ trì phối hợp với Viện Kiểm sát, Tòa án nhân dân tỉnh điều tra, truy tố, xét xử tội phạm mại dâm "
        "bảo đảm răn đe.",
        "police",
        coordinating=("procuracy", "court"),
    ),
    SeedTask(
        A.INSPECTION,
        "Cử cán bộ nòng cốt tham gia Đội kiểm tra liên ngành 178 cấp tỉnh; báo cáo chuyên đề về an ninh trật "
        "tự trong lĩnh vực này.",
        "police",
    ),
    # 3. Sở Tài chính
    SeedTask(
        A.OTHER,
        "Chủ trì tham mưu bố trí dự toán ngân sách thực hiện kế hoạch theo phân cấp, phù hợp khả năng cân "
        "đối.",
        "finance",
        coordinating_note="Các cơ quan, đơn vị liên quan",
    ),
    # 4. Sở Khoa học và Công nghệ
    SeedTask(
        A.OTHER,
        "Phối hợp nghiên cứu, ứng dụng khoa học công nghệ, đổi mới sáng tạo vào phòng, chống mại dâm; phối "
        "hợp thông tin, tuyên truyền theo chức năng.",
        "science",
    ),
    # 5. Sở Văn hóa, Thể thao và Du lịch
    SeedTask(
        A.COMMUNICATION,
        "Quản lý thông tin trên mạng theo thẩm quyền, phát hiện và tham mưu ngăn chặn việc dùng không gian "
        "mạng để quảng bá, môi giới mại dâm; phối hợp tuyên truyền theo chức năng.",
        "culture",
    ),
    SeedTask(
        A.INSPECTION,
        "Quản lý nhà nước về văn hóa, du lịch liên quan đến mại dâm; thường xuyên kiểm tra, xử lý vi phạm "
        "ở cơ sở dịch vụ văn hóa, lưu trú; tham gia Đội kiểm tra liên ngành 178 cấp tỉnh.",
        "culture",
    ),
    SeedTask(
        A.PREVENTION,
        'Phối hợp triển khai phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" gắn với phòng, '
        "chống ma túy, mại dâm, HIV/AIDS.",
        "culture",
    ),
    # 6. Sở Tư pháp
    SeedTask(
        A.COMMUNICATION,
        "Tham mưu Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh phổ biến pháp luật về phòng, chống "
        "mại dâm trên Cổng/Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh và hình thức khác; "
        "cùng Sở Y tế rà soát văn bản, kiến nghị sửa đổi.",
        "justice",
        coordinating=("health",),
        coordinating_note="Các cơ quan liên quan",
    ),
    # 7. Sở Giáo dục và Đào tạo
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo cơ sở giáo dục, giáo dục nghề nghiệp tuyên truyền phòng, chống mại dâm cho cán bộ, giáo "
        "viên, học sinh, sinh viên phù hợp lứa tuổi, giới tính, văn hóa địa phương; giáo dục đạo đức, kỹ "
        "năng sống; khuyến khích học sinh tham gia tuyên truyền; cùng gia đình, chính quyền quản lý học "
        "sinh.",
        "education",
    ),
    # 8. Ban Chỉ huy Bộ đội Biên phòng tỉnh
    SeedTask(
        A.INSPECTION,
        "Phối hợp phòng, chống mại dâm gắn với mua bán người ở khu vực biên giới; tuần tra, kiểm soát, ngăn "
        "chặn vi phạm.",
        "border",
        coordinating_note="Các cơ quan, đơn vị và chính quyền địa phương",
    ),
    # 9. Hải quan Sơn La; Hải quan cửa khẩu quốc tế Lóng Sập (đề nghị)
    SeedTask(
        A.INSPECTION,
        "Phối hợp kiểm tra, kiểm soát tại cửa khẩu và xuất nhập cảnh, phát hiện, ngăn chặn vi phạm liên quan "
        "đến mại dâm, mua bán người.",
        "customs",
        coordinating=("customs_gate",),
        coordinating_note="Các lực lượng chức năng",
    ),
    # 10. Báo và Phát thanh, Truyền hình Sơn La (đề nghị)
    SeedTask(
        A.COMMUNICATION,
        "Chủ động tuyên truyền rộng rãi về phòng, chống mại dâm; biểu dương tập thể, cá nhân có thành "
        "tích, lên án vi phạm.",
        "press",
        coordinating_note="Các ngành, địa phương",
    ),
    # 11. Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh (đề nghị)
    SeedTask(
        A.HARM_REDUCTION,
        "Tuyên truyền, vận động hội viên, đoàn viên, nhân dân thực hiện pháp luật về phòng, chống mại dâm; "
        "xây dựng mô hình phòng, chống mại dâm và hỗ trợ người bán dâm hòa nhập cộng đồng.",
        "front",
        coordinating_note="Các tổ chức chính trị - xã hội tỉnh",
    ),
    # 12. Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh (đề nghị)
    SeedTask(
        A.INSPECTION,
        "Phối hợp điều tra, truy tố, xét xử án mại dâm; hướng dẫn đơn vị trực thuộc nâng chất lượng giải "
        "quyết án để răn đe, phòng ngừa.",
        "procuracy",
        coordinating=("court",),
    ),
    # 13. Ủy ban nhân dân các xã, phường
    SeedTask(
        A.PREVENTION,
        "Xây dựng, thực hiện kế hoạch phòng, chống mại dâm của địa phương; bố trí ngân sách, nhân lực, huy "
        "động nguồn lực; lồng ghép vào chương trình kinh tế - xã hội, giảm nghèo, phong trào thi đua.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.INSPECTION,
        "Chủ trì rà soát, thống kê, lập danh sách quản lý cơ sở kinh doanh dịch vụ dễ bị lợi dụng.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.HOTSPOTS,
        "Chỉ đạo Công an xã, phường tuần tra khu vực nghi vấn, giáp ranh; không để phát sinh điểm nóng mại "
        "dâm.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.INSPECTION,
        "Tổ chức ký cam kết giữa chủ cơ sở và người lao động về chấp hành pháp luật phòng, chống mại dâm; "
        "hậu kiểm sau xử phạt để ngăn tái phạm.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.COMMUNICATION,
        "Đổi mới tuyên truyền sinh động, dễ hiểu, hợp văn hóa địa phương, tập trung vào nhóm nguy cơ cao và "
        "thanh thiếu niên.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Duy trì Đội công tác xã hội tình nguyện, nhóm đồng đẳng, câu lạc bộ để tiếp cận người bán dâm; công "
        "khai đường dây nóng, hộp thư tố giác, giữ bí mật cho người cung cấp tin.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Cung cấp tư vấn pháp lý, hỗ trợ y tế, dạy nghề, giới thiệu việc làm giúp người bán dâm ổn định cuộc "
        "sống, hòa nhập cộng đồng.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
)

# One paragraph of the document states every rule (the Word document prints it once).
REPORTING = (
    "Các sở, ban, ngành liên quan và UBND các xã, phường báo cáo kết quả 6 tháng đầu năm (trước ngày "
    "15/5/2026), kết quả năm 2026 (trước ngày 10/11/2026) và đột xuất khi có yêu cầu về Sở Y tế để tổng "
    "hợp, báo cáo UBND tỉnh và Bộ Y tế."
)

RULES = (
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="health",
        due_day=15,
        due_month=5,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="health",
        due_day=15,
        due_month=5,
    ),
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="health",
        due_day=10,
        due_month=11,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="health",
        due_day=10,
        due_month=11,
    ),
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.AD_HOC,
        REPORTING,
        recipient="health",
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.AD_HOC,
        REPORTING,
        recipient="health",
    ),
)

PLAN = SeedPlan(
    key="son_la_2026",
    original_file="004_6e4d42d4b993d6c0.txt",
    unit_path="14",
    agencies=AGENCIES,
    issuer="ubnd",
    focal="health",
    number="",
    symbol="KH-UBND",
    issued_on=None,
    issued_place="Sơn La",
    title="Phòng, chống mại dâm trên địa bàn năm 2026",
    kind=Plan.Kind.ANNUAL,
    period_start=D(YEAR, 1, 1),
    period_end=D(YEAR, 12, 31),
    implements_reference="",
    legal_bases=(
        "Căn cứ Pháp lệnh Phòng, chống mại dâm ngày 17/3/2003",
        "Căn cứ Nghị định số 178/2004/NĐ-CP ngày 15/10/2004 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Pháp lệnh Phòng, chống mại dâm",
    ),
    preamble=(
        "Theo đề nghị của Sở Y tế tại Tờ trình số 90/TTr-SYT ngày 23/3/2026, Ủy ban nhân dân tỉnh ban hành "
        "kế hoạch phòng, chống mại dâm năm 2026 trên địa bàn tỉnh."
    ),
    purpose=(
        "Phòng ngừa, giảm tệ nạn mại dâm và vi phạm pháp luật liên quan; không để phát sinh điểm phức tạp "
        "mới; hạn chế tác hại đối với sức khỏe, xã hội, an ninh trật tự; tăng cung cấp dịch vụ và bảo đảm "
        "người bán dâm tiếp cận bình đẳng dịch vụ xã hội, hỗ trợ hòa nhập cộng đồng, góp phần xây dựng môi "
        "trường xã hội an toàn, lành mạnh. Đề ra giải pháp phòng ngừa, đấu tranh với tội phạm liên quan và "
        "hỗ trợ kịp thời người bán dâm hòa nhập."
    ),
    requirements=(
        "Thống nhất, phối hợp chặt chẽ giữa sở, ngành và địa phương, gắn với các chương trình kinh tế - xã "
        "hội, an sinh, ma túy, mua bán người, HIV/AIDS; lấy phòng ngừa làm trọng tâm, kết hợp với phòng, "
        "chống ma túy và tệ nạn khác; hoạt động thiết thực, không hình thức, lãng phí, không ảnh hưởng đến "
        "hoạt động kinh doanh của cơ sở."
    ),
    budget_clause=(
        "Ngân sách nhà nước theo phân cấp hiện hành, lồng ghép kinh phí các chương trình, kế hoạch, đề án "
        "liên quan và nguồn hợp pháp khác (nếu có)."
    ),
    closing_text=(
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các xã, phường chỉ đạo, triển "
        "khai thực hiện hiệu quả."
    ),
    signer=SeedSigner(
        position="PHÓ CHỦ TỊCH",
        name="Hà Trung Chiến",
        on_behalf_of="ỦY BAN NHÂN DÂN",
        authority=Plan.Authority.ON_BEHALF,
        principal_title="CHỦ TỊCH",
    ),
    recipients=(
        "Bộ Y tế",
        "Thường trực: Tỉnh ủy, HĐND tỉnh",
        "Ủy ban MTTQ Việt Nam tỉnh Sơn La",
        "Đảng ủy UBND tỉnh",
        "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
        "LĐVP UBND tỉnh",
        "Các sở, ban, ngành",
        "Ủy ban nhân dân các xã, phường",
        "Ban Chỉ huy Bộ đội Biên phòng tỉnh Sơn La",
        "Viện kiểm sát nhân dân tỉnh Sơn La",
        "Tòa án nhân dân tỉnh Sơn La",
        "Cơ quan Hải quan quản lý địa bàn tỉnh Sơn La",
        "Báo và Phát thanh, Truyền hình Sơn La",
        "Trung tâm Thông tin",
    ),
    archive_line="Lưu: VT, KGVX, NTQ",
    sections=SECTIONS,
    targets=TARGETS,
    tasks=TASKS,
    rules=RULES,
)
