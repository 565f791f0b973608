"""UBND tỉnh Gia Lai: plan implementing the national PCMD programme 2021–2025 in the province.

The copy we hold carries no header (number, date, place): those stay empty, the place is the province's name
and the symbol the usual one of a People's Committee plan. The province is the legacy Gia Lai (code 64),
merged into the current Gia Lai (52) on 01/07/2025.
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
PCT = Target.MeasureUnit.PERCENT
PCT_YEAR = Target.MeasureUnit.PERCENT_PER_YEAR
PER_MONTH = Target.MeasureUnit.COUNT_PER_MONTH
EACH_DISTRICT = Target.AppliesTo.EACH_DISTRICT
YEARLY = Task.Recurrence.YEARLY
R = ReportingRule

# Sở LĐ-TB&XH handed PCMD over to the health sector on 01/03/2025 (DOMAIN.md §1).
LABOUR_LAST_DAY = D(2025, 2, 28)

AGENCIES = (
    SeedAgency("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Gia Lai", "UBND tỉnh"),
    SeedAgency(
        "bcd",
        K.STEERING_COMMITTEE,
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh "
        "Tổ quốc tỉnh Gia Lai",
        "Ban Chỉ đạo tỉnh",
    ),
    SeedAgency(
        "labour",
        K.LABOUR_SOCIAL,
        "Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai",
        "Sở LĐ-TB&XH",
        valid_to=LABOUR_LAST_DAY,
    ),
    SeedAgency("police", K.POLICE, "Công an tỉnh Gia Lai", "Công an tỉnh"),
    SeedAgency("border", K.BORDER_GUARD, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai", "BCH BĐBP tỉnh"),
    SeedAgency("health", K.HEALTH, "Sở Y tế tỉnh Gia Lai", "Sở Y tế"),
    SeedAgency("finance", K.FINANCE, "Sở Tài chính tỉnh Gia Lai", "Sở Tài chính"),
    SeedAgency(
        "culture", K.CULTURE_SPORTS_TOURISM, "Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai", "Sở VH-TT-DL"
    ),
    SeedAgency(
        "information", K.INFORMATION_COMMUNICATIONS, "Sở Thông tin và Truyền thông tỉnh Gia Lai", "Sở TT-TT"
    ),
    SeedAgency("education", K.EDUCATION, "Sở Giáo dục và Đào tạo tỉnh Gia Lai", "Sở GD-ĐT"),
    SeedAgency("justice", K.JUSTICE, "Sở Tư pháp tỉnh Gia Lai", "Sở Tư pháp"),
    SeedAgency("newspaper", K.PRESS_MEDIA, "Báo Gia Lai"),
    SeedAgency("broadcaster", K.PRESS_MEDIA, "Đài Phát thanh - Truyền hình Gia Lai"),
    SeedAgency("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân tỉnh Gia Lai", "VKSND tỉnh"),
    SeedAgency("court", K.COURT, "Tòa án nhân dân tỉnh Gia Lai", "TAND tỉnh"),
    SeedAgency(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai", "Ủy ban MTTQ tỉnh"
    ),
    SeedAgency("women", K.WOMENS_UNION, "Hội Liên hiệp Phụ nữ tỉnh Gia Lai", "Hội LHPN tỉnh"),
    SeedAgency("youth", K.YOUTH_UNION, "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai", "Tỉnh Đoàn"),
    SeedAgency("farmers", K.FARMERS_UNION, "Hội Nông dân tỉnh Gia Lai"),
    SeedAgency("veterans", K.VETERANS_ASSOCIATION, "Hội Cựu chiến binh tỉnh Gia Lai"),
    SeedAgency("labour_federation", K.LABOUR_FEDERATION, "Liên đoàn Lao động tỉnh Gia Lai"),
)

SECTIONS = (
    SeedSection(
        A.COMMUNICATION,
        "Nhiệm vụ: nâng cao hiệu quả truyền thông, giáo dục về phòng, chống mại dâm",
        "Truyền thông chủ trương, chính sách của Đảng, Nhà nước về phòng, chống mại dâm; tuyên truyền "
        "phòng ngừa rộng khắp, chú ý Pleiku, An Khê, Ayun Pa, vùng sâu, vùng xa, vùng đồng bào dân tộc "
        "thiểu số, biên giới và nơi có nhiều người di cư. Đổi mới nội dung, hình thức (chuyên trang, "
        "chuyên mục, tiểu phẩm, ký sự, bài viết), tăng thời lượng trên phương tiện thông tin đại chúng, "
        "hướng tới thanh thiếu niên, học sinh, sinh viên, người lao động ở cơ sở kinh doanh dịch vụ dễ "
        "phát sinh tệ nạn và khu công nghiệp; dùng Internet và mạng xã hội. Biểu dương, khen thưởng tập "
        "thể, cá nhân có đóng góp.",
    ),
    SeedSection(
        A.PREVENTION,
        "Nhiệm vụ: lồng ghép phòng, chống mại dâm với các chương trình, dự án tại cơ sở",
        "Khảo sát, đánh giá nhu cầu của người bán dâm gặp khó khăn tài chính, thanh niên chưa có việc làm, "
        "người lao động ở cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn, để hướng các chương trình kinh tế - "
        "xã hội, an sinh, bảo trợ xã hội tới họ. Đưa phụ nữ cần việc làm vào các chương trình dạy nghề ngắn "
        "hạn, dạy nghề cho lao động nông thôn, việc làm, vay vốn, giảm nghèo. Lập kế hoạch lồng ghép an sinh "
        "xã hội, phòng, chống ma túy, HIV/AIDS với phòng, chống mại dâm.",
    ),
    SeedSection(
        A.INSPECTION,
        "Nhiệm vụ: thanh tra, kiểm tra, xử lý vi phạm; điều tra, truy tố tội phạm",
        "Thiết lập cơ chế phối hợp liên ngành và quy trình tiếp nhận, điều tra, xử lý vi phạm, mỗi khâu có "
        "một đầu mối chịu trách nhiệm. Kiện toàn Đội kiểm tra liên ngành 178 theo Nghị định số "
        "178/2004/NĐ-CP ngày 15/10/2004 của Chính phủ cho gọn nhẹ, hiệu quả. Quản lý chặt điều kiện thành "
        "lập, hoạt động của cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn; điều tra, triệt phá tổ chức phạm "
        "tội, truy tố, xét xử nghiêm; bảo vệ nạn nhân, nhất là trẻ em, trong vụ án mua bán người vì mục đích "
        "mại dâm.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Nhiệm vụ: can thiệp giảm tác hại, phòng lây nhiễm bệnh xã hội, HIV/AIDS và bạo lực trên cơ sở giới",
        "Đánh giá, chuẩn hóa điều kiện và chất lượng dịch vụ giảm hại, hỗ trợ xã hội ở một số địa phương để "
        "hướng dẫn nhân rộng. Tiếp tục thí điểm, nhân rộng mô hình hiệu quả giai đoạn 2016 - 2020 theo hướng "
        "trao quyền cho nhóm đồng đẳng, nhóm tự lực, câu lạc bộ của người bán dâm: nâng cao năng lực Đội "
        "công tác xã hội tình nguyện cấp xã; cơ chế huy động tổ chức xã hội, tổ chức dựa vào cộng đồng tham "
        "gia; thử nghiệm mô hình bảo đảm quyền của người lao động ở cơ sở kinh doanh dịch vụ, mô hình phòng, "
        "chống tệ nạn mại dâm và mô hình giảm tổn thương, phòng lây nhiễm HIV; rà soát chính sách về điều "
        "kiện lao động ở cơ sở kinh doanh có điều kiện và soạn tài liệu hướng dẫn mô hình thí điểm. Hình "
        "thành mạng lưới cung cấp dịch vụ giảm hại, phòng, chống bạo lực giới, hòa nhập cộng đồng; đầu tư "
        "cơ sở vật chất cho các cơ sở giáo dục nghề nghiệp, chăm sóc sức khỏe, hỗ trợ hòa nhập.",
    ),
    SeedSection(
        A.TRAINING,
        "Nhiệm vụ: đào tạo, tập huấn cán bộ và mạng lưới cộng tác viên",
        "Biên soạn tài liệu; đào tạo, tập huấn, cập nhật kiến thức, kỹ năng tư vấn, hỗ trợ, tuyên truyền "
        "cho cán bộ, công chức, viên chức, chiến sĩ làm công tác phòng, chống tệ nạn xã hội các cấp, người "
        "trực tiếp cung cấp dịch vụ hỗ trợ người bán dâm và mạng lưới báo cáo viên, tuyên truyền viên, "
        "tình nguyện viên, cộng tác viên.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: kiến nghị hoàn thiện thể chế",
        "Hằng năm và cả giai đoạn, sở, ngành, địa phương thấy quy định pháp luật còn vướng mắc thì gửi ý "
        "kiến về Sở Lao động - Thương binh và Xã hội để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xử lý; nội "
        "dung vượt thẩm quyền được kiến nghị lên cơ quan có thẩm quyền.",
    ),
    SeedSection(
        A.LEADERSHIP,
        "Giải pháp: tổ chức thực hiện",
        "Người đứng đầu sở, ngành, địa phương đưa phòng, chống mại dâm vào văn kiện, nghị quyết, chiến lược "
        "phát triển kinh tế - xã hội; Ban Chỉ đạo tỉnh tăng cường chỉ đạo sở, ngành, đoàn thể và Ủy ban nhân "
        "dân cấp huyện; lồng ghép với an sinh xã hội, HIV/AIDS, ma túy, mua bán người; tập trung vào địa bàn "
        "trọng điểm, ưu tiên nguồn lực cho vùng sâu, vùng xa, biên giới giáp Campuchia. Ký kết, thực hiện "
        "quy chế phối hợp liên ngành, trao đổi thông tin, báo cáo, kiểm tra, sơ kết, tổng kết giữa các cấp. "
        "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và tổ chức thành viên giám sát việc thực hiện. Duy trì kiểm "
        "tra, sơ kết, tổng kết để nhân rộng cách làm hiệu quả; kiện toàn Đội kiểm tra liên ngành các cấp.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: nguồn lực",
        "Ngân sách nhà nước cho các hoạt động trọng điểm, ưu tiên; khuyến khích cơ quan, tổ chức, cá nhân, "
        "cộng đồng đóng góp cho phòng ngừa, giảm hại, hòa nhập cộng đồng; lồng ghép với các chương trình "
        "kinh tế - xã hội, an sinh, ma túy, HIV/AIDS; đẩy mạnh xã hội hóa.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: hợp tác quốc tế",
        "Phối hợp với lực lượng chức năng các tỉnh của Campuchia và Lào, nhất là tỉnh Ratanakiri giáp Gia "
        "Lai, để chia sẻ thông tin và ngăn chặn mại dâm vùng biên; tranh thủ hỗ trợ kỹ thuật, tài chính, đào "
        "tạo, chuyển giao công nghệ của tổ chức quốc tế (nếu có).",
    ),
)

TARGETS = (
    SeedTarget(
        A.COMMUNICATION,
        "Hơn 70% xã, phường, thị trấn có ít nhất một hình thức tuyên truyền phòng ngừa mại dâm, duy trì "
        "thường xuyên.",
        I.COMMUNES_WITH_COMMUNICATION,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Báo chí, phát thanh, truyền hình trung ương, tỉnh, huyện và trang thông tin điện tử đưa tin về "
        "phòng, chống mại dâm ít nhất mỗi tháng một lần.",
        I.MEDIA_POSTS_PER_MONTH,
        GTE,
        N(1),
        measure_unit=PER_MONTH,
        due_year=2025,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Hơn 70% người lao động ở cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được tuyên truyền, "
        "phổ biến chính sách, pháp luật, kiến thức về phòng, chống mại dâm.",
        I.WORKERS_AT_ESTABLISHMENTS_REACHED,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Ít nhất 60% người lao động trong khu công nghiệp được tuyên truyền về phòng, chống mại dâm.",
        I.INDUSTRIAL_WORKERS_REACHED,
        GTE,
        N(60),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "70% học sinh, sinh viên trung học phổ thông, cao đẳng, đại học, giáo dục nghề nghiệp được tuyên "
        "truyền về phòng, chống mại dâm.",
        I.STUDENTS_REACHED,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi huyện, thị xã, thành phố có kế hoạch và tổ chức hoạt động phòng, chống mại dâm.",
        I.UNITS_WITH_PLAN,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=2025,
        applies_to=EACH_DISTRICT,
    ),
    SeedTarget(
        A.PREVENTION,
        "Hơn 80% huyện, thị xã, thành phố lồng ghép phòng, chống mại dâm vào chương trình phát triển kinh tế "
        "- xã hội, an sinh, trợ giúp xã hội, phòng, chống ma túy, HIV/AIDS.",
        I.UNITS_INTEGRATING_PCMD,
        GTE,
        N(80),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.INSPECTION,
        "Toàn bộ tố giác, tin báo, khiếu nại về vi phạm pháp luật phòng, chống mại dâm được tiếp nhận, xác "
        "minh, phân loại, xử lý kịp thời.",
        I.TIPS_HANDLED_ON_TIME,
        GTE,
        N(100),
        measure_unit=PCT,
    ),
    SeedTarget(
        A.INSPECTION,
        "Số tội phạm liên quan đến mại dâm được xử lý tăng 3 - 5% mỗi năm, nhất là ở địa bàn trọng điểm.",
        I.CRIMES_HANDLED_CHANGE,
        INCREASE,
        N(3),
        N(5),
        PCT_YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Mỗi năm kiểm tra ít nhất 20% cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm trên địa bàn.",
        I.ESTABLISHMENTS_INSPECTED_YEAR,
        GTE,
        N(20),
        measure_unit=PCT,
    ),
    SeedTarget(
        A.INSPECTION,
        "Đến năm 2025, mọi cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm được kiểm tra ít nhất một "
        "lần.",
        I.ESTABLISHMENTS_EVER_INSPECTED,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Hơn 20% huyện, thị xã, thành phố thí điểm mô hình phòng ngừa mại dâm, giảm hại, phòng, chống bạo "
        "lực giới, bảo đảm quyền người lao động ở cơ sở kinh doanh dịch vụ, hỗ trợ hòa nhập cộng đồng.",
        I.PILOT_MODEL_UNITS,
        GTE,
        N(20),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Hơn 60% người bán dâm có nhu cầu, đủ điều kiện được tiếp cận, sử dụng dịch vụ hỗ trợ xã hội, hòa "
        "nhập cộng đồng.",
        I.SEX_WORKERS_SERVED,
        GTE,
        N(60),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.TRAINING,
        "Hơn 70% cán bộ, công chức, viên chức, chiến sĩ cấp tỉnh làm công tác phòng, chống mại dâm được đào "
        "tạo, tập huấn chuyên môn (cả giảm hại, phòng, chống bạo lực giới, hỗ trợ hòa nhập).",
        I.OFFICIALS_TRAINED_PROVINCE,
        GTE,
        N(70),
        measure_unit=PCT,
        due_year=2025,
    ),
    SeedTarget(
        A.TRAINING,
        "50% cán bộ cấp huyện, cấp xã và cơ quan, tổ chức liên quan được đào tạo, tập huấn về phòng, chống "
        "mại dâm.",
        I.OFFICIALS_TRAINED_LOCAL,
        GTE,
        N(50),
        measure_unit=PCT,
        due_year=2025,
    ),
)

LOWER_UNITS_NOTE = "Ủy ban nhân dân các huyện, thị xã, thành phố (mỗi đơn vị thực hiện)"

TASKS = (
    # 1. Sở Lao động - Thương binh và Xã hội
    SeedTask(
        A.LEADERSHIP,
        "Hằng năm chủ trì xây dựng kế hoạch phòng, chống mại dâm; tổng hợp kết quả của các ngành, đoàn thể, "
        "địa phương, báo cáo UBND tỉnh và Bộ Lao động - Thương binh và Xã hội.",
        "labour",
        coordinating_note="Các sở, ngành chức năng và các đoàn thể",
        recurrence=YEARLY,
    ),
    SeedTask(
        A.TRAINING,
        "Tham mưu UBND tỉnh chỉ đạo triển khai toàn tỉnh, hướng dẫn địa phương thực hiện; tập huấn nghiệp vụ "
        "và văn bản mới cho cán bộ phòng, chống tệ nạn xã hội từ tỉnh đến cơ sở.",
        "labour",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Cùng các sở, ngành tổ chức, hướng dẫn hỗ trợ tái hòa nhập cộng đồng cho người bán dâm; cùng Sở Y tế "
        "soạn hướng dẫn các biện pháp hỗ trợ giảm hại.",
        "labour",
        coordinating=("health",),
        coordinating_note="Các sở, ngành liên quan",
    ),
    SeedTask(
        A.INSPECTION,
        "Hằng năm thống kê, rà soát cơ sở kinh doanh dễ phát sinh tệ nạn mại dâm và số người bán dâm; kiểm "
        "tra, hướng dẫn khách sạn, nhà hàng, vũ trường, karaoke, massage về hợp đồng lao động, đăng ký tạm "
        "trú, tạm vắng và điều kiện kinh doanh.",
        "labour",
        coordinating_note="Các ngành chức năng, các địa phương",
        recurrence=YEARLY,
    ),
    # 2. Công an tỉnh
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo các phòng nghiệp vụ và công an địa phương đấu tranh với tội phạm, vi phạm về mại dâm và tội "
        "phạm ma túy, mua bán người liên quan; rà soát, đề xuất sửa đổi quy định quản lý an ninh trật tự đối "
        "với cơ sở kinh doanh có điều kiện, quản lý địa bàn, xử lý vi phạm.",
        "police",
    ),
    SeedTask(
        A.HOTSPOTS,
        'Chủ động triệt xóa tụ điểm mại dâm, đường dây môi giới "gái gọi", mại dâm qua mạng, mua bán phụ '
        "nữ, trẻ em và ma túy vì mục đích mại dâm, đường dây ma túy liên quan đến mại dâm.",
        "police",
    ),
    # 3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh
    SeedTask(
        A.INSPECTION,
        "Cùng lực lượng biên phòng nước bạn và Công an tỉnh Ratanakiri (Campuchia) tuần tra, kiểm soát, ngăn "
        "chặn mua bán người, nhất là phụ nữ, trẻ em qua biên giới, tại các xã trọng điểm (Ia O - huyện Ia "
        "Grai; Ia Dom, Ia Nan - huyện Đức Cơ) và cửa khẩu Ô Za Đao; giải cứu, tiếp nhận nạn nhân bị bán sang "
        "Campuchia trở về.",
        "border",
        coordinating_note="Lực lượng bảo vệ biên giới nước bạn; Công an tỉnh Ratanakiri (Campuchia)",
    ),
    # 4. Sở Y tế
    SeedTask(
        A.HARM_REDUCTION,
        "Chỉ đạo cơ sở y tế khám, xét nghiệm, điều trị bệnh xã hội, hướng dẫn phòng lây nhiễm HIV/AIDS; khám "
        "sức khỏe định kỳ cho nhân viên cơ sở kinh doanh dịch vụ theo quy định.",
        "health",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Phối hợp với ngành Lao động - Thương binh và Xã hội triển khai can thiệp giảm hại HIV/AIDS trong "
        "phòng, chống mại dâm.",
        "health",
        coordinating=("labour",),
    ),
    SeedTask(
        A.INSPECTION,
        "Tăng cường quản lý, thanh tra, xử lý vi phạm ở cơ sở massage, xông hơi, kinh doanh thuốc tân dược.",
        "health",
    ),
    # 5. Sở Tài chính
    SeedTask(
        A.OTHER,
        "Hằng năm thẩm tra, tổng hợp dự toán kinh phí của các đơn vị, báo cáo UBND tỉnh trình HĐND tỉnh bố "
        "trí kinh phí thực hiện kế hoạch theo Luật Ngân sách.",
        "finance",
        recurrence=YEARLY,
    ),
    # 6. Sở Văn hóa, Thể thao và Du lịch
    SeedTask(
        A.INSPECTION,
        "Chủ trì quản lý, thanh tra, kiểm tra cơ sở dịch vụ văn hóa, nhà hàng, khách sạn, nhà nghỉ, karaoke, "
        "massage, lưu trú du lịch bị lợi dụng cho khiêu dâm, kích dục, mại dâm hoặc văn hóa phẩm cấm; xử lý "
        "nghiêm vi phạm.",
        "culture",
        coordinating_note="Các sở, ngành, địa phương liên quan",
    ),
    SeedTask(
        A.INSPECTION,
        "Rà soát, đề xuất sửa đổi quy định về văn hóa công cộng, du lịch và xử phạt liên quan đến mại dâm; "
        "giám sát việc dùng bao cao su dự phòng HIV ở cơ sở lưu trú.",
        "culture",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Chủ trì tuyên truyền phòng, chống mại dâm, hội thi, hội diễn chủ đề phòng, chống mại dâm; nâng chất "
        'lượng phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" (danh hiệu thôn, tổ dân phố văn hóa, '
        "xã văn hóa nông thôn mới); lồng ghép với xây dựng xã, phường, thị trấn văn minh đô thị.",
        "culture",
        coordinating_note="Các ngành chức năng",
    ),
    # 7. Sở Thông tin và Truyền thông
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo cơ quan báo chí và hệ thống thông tin cơ sở tuyên truyền rộng rãi kế hoạch này.",
        "information",
    ),
    # 8. Sở Giáo dục và Đào tạo
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo nhà trường lồng ghép giáo dục phòng, chống mại dâm trong hoạt động chính khóa, ngoại khóa, "
        "trải nghiệm; giáo dục đạo đức, lối sống, kỹ năng sống cho học sinh, sinh viên.",
        "education",
    ),
    # 9. Sở Tư pháp
    SeedTask(
        A.COMMUNICATION,
        "Lồng ghép phổ biến, giáo dục pháp luật về phòng, chống mại dâm bằng hình thức phù hợp.",
        "justice",
    ),
    # 10. Báo Gia Lai, Đài Phát thanh - Truyền hình Gia Lai
    SeedTask(
        A.COMMUNICATION,
        "Phối hợp tuyên truyền chủ trương, chính sách, pháp luật về HIV/AIDS, ma túy, mại dâm; nâng chất "
        "lượng và thời lượng tin, bài; biểu dương điển hình, lên án vi phạm.",
        "newspaper",
        coordinating=("broadcaster",),
        coordinating_note="Các cơ quan thông tin đại chúng",
    ),
    # 11. Thành viên Ban Chỉ đạo
    SeedTask(
        A.LEADERSHIP,
        "Đưa mục tiêu, nhiệm vụ của kế hoạch vào chương trình công tác 5 năm và hằng năm; gắn phòng, chống "
        "mại dâm với công tác chuyên môn thường xuyên.",
        "bcd",
        coordinating_note="Các sở, ngành, đoàn thể là thành viên Ban Chỉ đạo (mỗi cơ quan thực hiện)",
    ),
    # 12. Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh (đề nghị)
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo trong ngành điều tra, truy tố, xét xử kịp thời án mại dâm; tăng xét xử điểm ở khu dân cư để "
        "răn đe, phòng ngừa.",
        "procuracy",
        coordinating=("court",),
    ),
    # 13. Ủy ban MTTQ và các đoàn thể tỉnh (đề nghị)
    SeedTask(
        A.COMMUNICATION,
        "Lồng ghép tuyên truyền phòng, chống mại dâm vào phong trào thi đua của đoàn thể; vận động hội viên, "
        "đoàn viên, người lao động cam kết không vi phạm, tham gia tố giác; vận động giúp người bán dâm hoàn "
        "lương, hòa nhập.",
        "front",
        coordinating=("women", "youth", "farmers", "veterans", "labour_federation"),
    ),
    SeedTask(
        A.PREVENTION,
        "Cùng Sở Lao động - Thương binh và Xã hội, Công an tỉnh, Sở Văn hóa, Thể thao và Du lịch hướng dẫn "
        "địa phương xây dựng xã, phường, thị trấn lành mạnh không có tệ nạn mại dâm, gắn với cuộc vận động "
        '"Toàn dân đoàn kết xây dựng đời sống văn hóa".',
        "front",
        coordinating=(
            "women",
            "youth",
            "farmers",
            "veterans",
            "labour_federation",
            "labour",
            "police",
            "culture",
        ),
    ),
    # 14. Ủy ban nhân dân các huyện, thị xã, thành phố
    SeedTask(
        A.PREVENTION,
        "Xây dựng kế hoạch phòng, chống mại dâm 2021 - 2025 và hằng năm, lồng ghép với chương trình kinh "
        "tế - xã hội, an sinh (giảm nghèo, dạy nghề, việc làm), ma túy, HIV/AIDS, mua bán người của địa "
        "phương.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Tiếp tục xây dựng, nhân rộng mô hình trao quyền, tăng sự tham gia của nhóm đồng đẳng, nhóm tự lực, "
        "câu lạc bộ của người bán dâm.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.TRAINING,
        "Bố trí ngân sách, huy động nguồn hợp pháp khác; lập kế hoạch tập huấn cán bộ và Đội kiểm tra liên "
        "ngành các cấp.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.PREVENTION,
        "Chỉ đạo UBND cấp xã lập kế hoạch phòng, chống mại dâm gắn với phòng, chống tội phạm; nắm chắc địa "
        "bàn không để mại dâm xảy ra; tuyên truyền, phòng lây nhiễm HIV/AIDS; bảo đảm kinh phí; hỗ trợ tái "
        "hòa nhập cho người bán dâm.",
        "ubnd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
)

# One paragraph of the document states every rule (the Word document prints it once).
REPORTING = (
    "Các sở, ban, ngành, địa phương báo cáo kết quả thực hiện định kỳ (6 tháng trước ngày 25/6, hằng năm "
    "trước ngày 15/12) hoặc đột xuất khi được yêu cầu về Sở Lao động - Thương binh và Xã hội để tổng hợp, "
    "báo cáo Bộ Lao động - Thương binh và Xã hội và Ủy ban nhân dân tỉnh."
)

RULES = (
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="labour",
        due_day=25,
        due_month=6,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="labour",
        due_day=25,
        due_month=6,
    ),
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="labour",
        due_day=15,
        due_month=12,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.ANNUAL,
        REPORTING,
        recipient="labour",
        due_day=15,
        due_month=12,
    ),
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.AD_HOC,
        REPORTING,
        recipient="labour",
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.AD_HOC,
        REPORTING,
        recipient="labour",
    ),
)

PLAN = SeedPlan(
    key="gia_lai_2021_2025",
    original_file="000_1f5333e5034ac9f6.txt",
    unit_path="L64",
    agencies=AGENCIES,
    issuer="ubnd",
    focal="labour",
    number="",
    symbol="KH-UBND",
    issued_on=None,
    issued_place="Gia Lai",
    title="Triển khai Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025 trên địa bàn tỉnh Gia Lai",
    kind=Plan.Kind.PROGRAMME,
    period_start=D(2021, 1, 1),
    period_end=D(2025, 12, 31),
    implements_reference=(
        "Quyết định số 1629/QĐ-TTg ngày 28/9/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, "
        "chống mại dâm giai đoạn 2021 - 2025"
    ),
    preamble=(
        "Để thực hiện Chương trình phòng, chống mại dâm giai đoạn 2021 - 2025 (Quyết định số 1629/QĐ-TTg) "
        "theo hướng dẫn của Bộ Lao động - Thương binh và Xã hội (Công văn số 4563/LĐTBXH-PCTNXH), Ủy ban "
        "nhân dân tỉnh ban hành kế hoạch triển khai trên địa bàn tỉnh."
    ),
    purpose=(
        "Phòng ngừa, ngăn chặn, đẩy lùi tệ nạn mại dâm; thay đổi rõ rệt nhận thức và hành động của các "
        "cấp, các ngành, tổ chức xã hội và cộng đồng về phòng, chống mại dâm; giúp người bán dâm tiếp cận, "
        "sử dụng dịch vụ xã hội để hòa nhập cộng đồng."
    ),
    requirements="",
    budget_clause=(
        "Ngân sách nhà nước theo phân cấp, trong dự toán chi thường xuyên của cơ quan, đơn vị, địa phương "
        "làm công tác phòng, chống mại dâm, cùng các nguồn hợp pháp khác."
    ),
    closing_text=(
        "Khó khăn, vướng mắc được phản ánh về Sở Lao động - Thương binh và Xã hội để xử lý theo thẩm quyền; "
        "vượt thẩm quyền thì báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định."
    ),
    signer=SeedSigner(
        position="PHÓ CHỦ TỊCH",
        name="Nguyễn Thị Thanh Lịch",
        on_behalf_of="ỦY BAN NHÂN DÂN",
        authority=Plan.Authority.ON_BEHALF,
        principal_title="CHỦ TỊCH",
    ),
    recipients=(
        "Văn phòng Chính phủ (để b/c)",
        "Bộ LĐ-TB&XH (để b/c)",
        "T/T Tỉnh ủy (để b/c)",
        "T/T HĐND tỉnh (để b/c)",
        "Chủ tịch, các PCT UBND tỉnh",
        "Cục PCTNXH (Bộ LĐTBXH)",
        "Các thành viên BCĐ tỉnh (để thực hiện)",
        "Các sở, ban, ngành tỉnh (để thực hiện)",
        "UBND các huyện, Tx, Tp (để thực hiện)",
    ),
    archive_line="Lưu: VT, NC, KTTH, KGVX",
    sections=SECTIONS,
    targets=TARGETS,
    tasks=TASKS,
    rules=RULES,
)
