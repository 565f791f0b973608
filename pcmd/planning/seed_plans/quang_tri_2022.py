"""Ban Chỉ đạo 138 tỉnh Quảng Trị: PCMD plan of the province for 2022.

The copy we hold is unnumbered and undated ("Số: /KH-BCĐ138", "ngày tháng năm 2022"): number and date stay
empty. The province is the legacy Quảng Trị (code 45), merged into the current Quảng Trị (44) on 01/07/2025.
The signer signs as head of the committee and also bears his government title; both lines are kept in
signer_position.
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
COUNT = Target.MeasureUnit.COUNT
EACH_DISTRICT, EACH_COMMUNE = Target.AppliesTo.EACH_DISTRICT, Target.AppliesTo.EACH_COMMUNE
R = ReportingRule
YEAR = 2022

# Sở LĐ-TB&XH handed PCMD over to the health sector on 01/03/2025 (DOMAIN.md §1).
LABOUR_LAST_DAY = D(2025, 2, 28)

AGENCIES = (
    SeedAgency("bcd", K.STEERING_COMMITTEE, "Ban Chỉ đạo 138 tỉnh Quảng Trị", "Ban Chỉ đạo 138 tỉnh"),
    SeedAgency("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh"),
    SeedAgency(
        "labour",
        K.LABOUR_SOCIAL,
        "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Trị",
        "Sở LĐ-TB&XH",
        valid_to=LABOUR_LAST_DAY,
    ),
    SeedAgency("police", K.POLICE, "Công an tỉnh Quảng Trị", "Công an tỉnh"),
    SeedAgency("health", K.HEALTH, "Sở Y tế tỉnh Quảng Trị", "Sở Y tế"),
    SeedAgency(
        "information", K.INFORMATION_COMMUNICATIONS, "Sở Thông tin và Truyền thông tỉnh Quảng Trị", "Sở TT-TT"
    ),
    SeedAgency(
        "culture", K.CULTURE_SPORTS_TOURISM, "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị", "Sở VH-TT-DL"
    ),
    SeedAgency("justice", K.JUSTICE, "Sở Tư pháp tỉnh Quảng Trị", "Sở Tư pháp"),
    SeedAgency("education", K.EDUCATION, "Sở Giáo dục và Đào tạo tỉnh Quảng Trị", "Sở GD-ĐT"),
    SeedAgency("finance", K.FINANCE, "Sở Tài chính tỉnh Quảng Trị", "Sở Tài chính"),
    SeedAgency("border", K.BORDER_GUARD, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị", "BCH BĐBP tỉnh"),
    SeedAgency("newspaper", K.PRESS_MEDIA, "Báo Quảng Trị"),
    SeedAgency("broadcaster", K.PRESS_MEDIA, "Đài Phát thanh - Truyền hình Quảng Trị"),
    SeedAgency("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân tỉnh Quảng Trị", "VKSND tỉnh"),
    SeedAgency("court", K.COURT, "Tòa án nhân dân tỉnh Quảng Trị", "TAND tỉnh"),
    SeedAgency(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Trị", "Ủy ban MTTQ tỉnh"
    ),
    SeedAgency("labour_federation", K.LABOUR_FEDERATION, "Liên đoàn Lao động tỉnh Quảng Trị"),
    SeedAgency("women", K.WOMENS_UNION, "Hội Liên hiệp Phụ nữ tỉnh Quảng Trị", "Hội LHPN tỉnh"),
    SeedAgency("youth", K.YOUTH_UNION, "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Quảng Trị", "Tỉnh Đoàn"),
)

SECTIONS = (
    SeedSection(
        A.OTHER,
        "Mục tiêu",
        "Duy trì tuyên truyền nâng cao nhận thức của người dân, nhất là người lao động ở cơ sở kinh doanh "
        "dịch vụ dễ phát sinh tệ nạn, ở khu công nghiệp và học sinh, sinh viên; triệt xóa toàn bộ điểm "
        "phức tạp về mại dâm, không để tái hoạt động, và kiểm tra cơ sở kinh doanh dịch vụ dễ phát sinh "
        "mại dâm; duy trì, nhân rộng can thiệp giảm tác hại, phòng lây nhiễm bệnh xã hội, HIV/AIDS và bạo "
        "lực trên cơ sở giới; đào tạo, tập huấn cán bộ phòng, chống tệ nạn xã hội các cấp.",
    ),
    SeedSection(
        A.COMMUNICATION,
        "Nhiệm vụ: truyền thông, giáo dục về phòng, chống mại dâm",
        "Truyền thông chủ trương, chính sách về phòng, chống mại dâm và giảm kỳ thị với người bán dâm. Dùng "
        "hình thức văn hóa, văn nghệ truyền thống, chuyên trang, chuyên mục, tiểu phẩm, ký sự; tăng thời "
        "lượng, dùng phương tiện hiện đại; chú trọng xã, phường giáp ranh, phức tạp, nơi có nhiều người di "
        "biến động, lao động ngoại tỉnh, người nguy cơ cao, người tái vi phạm. Phát triển chương trình, tài "
        "liệu truyền thông cho từng nhóm (thanh thiếu niên, học sinh, sinh viên, người lao động ở cơ sở kinh "
        "doanh dịch vụ và khu công nghiệp) về tác hại của mại dâm, pháp luật, nếp sống văn minh, tình dục an "
        "toàn.",
    ),
    SeedSection(
        A.PREVENTION,
        "Nhiệm vụ: phòng ngừa thông qua lồng ghép các chương trình tại cơ sở",
        "Điều tra, khảo sát, đánh giá, dự báo tình hình mại dâm; lập và triển khai kế hoạch lồng ghép an "
        "sinh xã hội, phòng, chống ma túy, HIV/AIDS, mua bán người với phòng, chống mại dâm.",
    ),
    SeedSection(
        A.INSPECTION,
        "Nhiệm vụ: thanh tra, kiểm tra, xử lý vi phạm, truy tố, xét xử; triệt xóa điểm phức tạp",
        "Tăng phối hợp của Tổ công tác liên ngành phòng, chống mại dâm tỉnh; kiện toàn, phát huy Đội Kiểm "
        "tra liên ngành 178 các cấp. Thường xuyên khảo sát tình hình, kiểm tra, ngăn chặn dấu hiệu mại "
        "dâm; triệt xóa điểm phức tạp, không để phát sinh mới hay tái hoạt động. Quản lý đối tượng nghi "
        "vấn, phát hiện đường dây, ổ nhóm; tuần tra địa bàn phức tạp; điều tra, triệt xóa tổ chức phạm tội "
        "để giảm mại dâm nơi công cộng và trong cơ sở kinh doanh dịch vụ. Truy tố, xét xử nghiêm; tăng xét "
        "xử lưu động các vụ môi giới, chứa chấp, tổ chức mại dâm.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Nhiệm vụ: can thiệp giảm tác hại, phòng lây nhiễm và bạo lực trên cơ sở giới",
        "Kết nối các cơ sở cung cấp dịch vụ giảm hại, phòng, chống bạo lực giới, hòa nhập cộng đồng cho "
        "người bán dâm, với sự tham gia của cơ quan nhà nước, tổ chức xã hội, doanh nghiệp, chuyên gia, cá "
        "nhân trong và ngoài nước.",
    ),
    SeedSection(
        A.TRAINING,
        "Nhiệm vụ: đào tạo, tập huấn",
        "Soạn tài liệu, mở lớp đào tạo, bồi dưỡng cho cán bộ, công chức, viên chức, chiến sĩ làm công tác "
        "phòng, chống tệ nạn xã hội các cấp, các ngành và mạng lưới báo cáo viên, tuyên truyền viên, tình "
        "nguyện viên, cộng tác viên; tập huấn và trao đổi kinh nghiệm giữa các Đội Kiểm tra liên ngành 178.",
    ),
    SeedSection(
        A.LEADERSHIP,
        "Giải pháp: quản lý nhà nước về phòng, chống mại dâm",
        "Rà soát văn bản pháp luật về phòng, chống mại dâm, văn hóa, y tế, đăng ký kinh doanh để kiến nghị "
        "sửa đổi, ban hành mới. Thực hiện nghiêm chỉ đạo của Trung ương; xây dựng chính sách hỗ trợ người "
        "bán dâm sát thực tế. Tăng chỉ đạo từ tỉnh đến cơ sở, rà soát khu vực phức tạp, giáp ranh; Ủy ban "
        "nhân dân các cấp coi phòng, chống mại dâm là nhiệm vụ phát triển kinh tế - xã hội. Xác định trách "
        "nhiệm người đứng đầu khi để phát sinh mại dâm; đưa kết quả vào chỉ tiêu thi đua; xử lý cán bộ, "
        "đảng viên bao che, dung túng, tham gia. Nâng hiệu quả Tổ công tác liên ngành (thanh tra, kiểm "
        "tra, giao ban, thông tin, báo cáo) và Đội kiểm tra liên ngành các cấp; quản lý chặt điều kiện "
        "kinh doanh. Thống kê tình hình mại dâm, tội phạm và cơ sở vi phạm làm dữ liệu quản lý.",
    ),
    SeedSection(
        A.HARM_REDUCTION,
        "Giải pháp: huy động nguồn lực và cộng đồng",
        "Huy động đoàn thể, nhất là Hội Liên hiệp Phụ nữ, tư vấn, vận động nhân dân không kỳ thị, giúp người "
        "bán dâm không tái phạm; xã hội hóa, huy động tổ chức xã hội, tổ chức dựa vào cộng đồng, câu lạc bộ, "
        "nhóm tự lực, nhóm đồng đẳng hỗ trợ hòa nhập; lồng ghép với nông thôn mới, giảm nghèo, an sinh, ma "
        "túy, HIV/AIDS, mua bán người; kết nối dịch vụ y tế, tâm lý, pháp lý, dạy nghề, việc làm cho người "
        "bán dâm.",
    ),
    SeedSection(
        A.OTHER,
        "Giải pháp: hợp tác quốc tế",
        "Chủ động hợp tác quốc tế về phòng, chống mại dâm, mua bán người vì mục đích mại dâm, mại dâm trẻ "
        "em; tranh thủ hỗ trợ kỹ thuật, tài chính; hợp tác đào tạo, trao đổi chuyên gia, nghiên cứu, "
        "chuyển giao công nghệ.",
    ),
)

TARGETS = (
    SeedTarget(
        A.COMMUNICATION,
        "Mọi xã, phường, thị trấn có ít nhất một hình thức tuyên truyền phòng ngừa mại dâm, duy trì thường "
        "xuyên.",
        I.COMMUNES_WITH_COMMUNICATION,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Báo chí, truyền thông thường xuyên đưa tin về công tác phòng, chống mại dâm của tỉnh.",
        I.MEDIA_POSTS_PER_MONTH,
        due_year=YEAR,
    ),
    SeedTarget(
        A.COMMUNICATION,
        "Người lao động ở cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn và khu công nghiệp, học sinh trung "
        "học phổ thông, sinh viên cao đẳng, học sinh, sinh viên giáo dục nghề nghiệp được tuyên truyền "
        "chính sách, pháp luật, kiến thức về phòng, chống mại dâm.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi huyện, thị xã, thành phố có kế hoạch và tổ chức hoạt động phòng, chống mại dâm.",
        I.UNITS_WITH_PLAN,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_DISTRICT,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, phường, thị trấn có kế hoạch và tổ chức hoạt động phòng, chống mại dâm.",
        I.UNITS_WITH_PLAN,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.PREVENTION,
        "Mọi xã, phường, thị trấn triển khai công tác phòng, chống mại dâm cấp xã.",
        "",
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
        applies_to=EACH_COMMUNE,
    ),
    SeedTarget(
        A.INSPECTION,
        "Toàn bộ tố giác, tin báo, khiếu nại về vi phạm pháp luật phòng, chống mại dâm được tiếp nhận, xác "
        "minh, phân loại, xử lý kịp thời.",
        I.TIPS_HANDLED_ON_TIME,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.INSPECTION,
        "Phát hiện, khám phá, xử lý hình sự và đưa ra xét xử các vụ án liên quan đến mại dâm.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.HOTSPOTS,
        "Triệt xóa toàn bộ các điểm phức tạp về tệ nạn mại dâm.",
        I.HOTSPOTS_ELIMINATED,
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.HOTSPOTS,
        "Không phát sinh điểm phức tạp mới về tệ nạn mại dâm.",
        I.HOTSPOTS_NEW,
        due_year=YEAR,
    ),
    SeedTarget(
        A.HOTSPOTS,
        "Không để điểm phức tạp đã triệt xóa hoạt động trở lại.",
        I.HOTSPOTS_REACTIVATED,
        due_year=YEAR,
    ),
    SeedTarget(
        A.HOTSPOTS,
        "Tổ chức kiểm tra các cơ sở kinh doanh dịch vụ dễ phát sinh mại dâm.",
        I.ESTABLISHMENTS_INSPECTED_YEAR,
        due_year=YEAR,
    ),
    SeedTarget(
        A.HOTSPOTS,
        "Cơ sở có biểu hiện phức tạp về mại dâm được kiểm tra ít nhất một lần.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Các huyện, thị xã, thành phố triển khai phòng ngừa mại dâm, hỗ trợ giảm hại, phòng, chống bạo lực "
        "giới, bảo đảm quyền người lao động ở cơ sở kinh doanh dịch vụ và hỗ trợ hòa nhập cộng đồng cho "
        "người bán dâm.",
        due_year=YEAR,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Tiếp cận, tư vấn 50 lượt người bán dâm.",
        I.OUTREACH_CONTACTS,
        GTE,
        N(50),
        measure_unit=COUNT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.HARM_REDUCTION,
        "Ít nhất 60% người bán dâm có nhu cầu, đủ điều kiện được tiếp cận dịch vụ hỗ trợ xã hội, tư vấn tâm "
        "lý, pháp lý, sức khỏe, dạy nghề, việc làm để hòa nhập cộng đồng.",
        I.SEX_WORKERS_SERVED,
        GTE,
        N(60),
        measure_unit=PCT,
        due_year=YEAR,
    ),
    SeedTarget(
        A.TRAINING,
        "Mọi người làm công tác phòng, chống tệ nạn xã hội các cấp được đào tạo, bồi dưỡng, tập huấn chuyên "
        "môn.",
        "",
        GTE,
        N(100),
        measure_unit=PCT,
        due_year=YEAR,
    ),
)

LOWER_UNITS_NOTE = "Ủy ban nhân dân các huyện, thị xã, thành phố (mỗi đơn vị thực hiện)"

TASKS = (
    # 1. Sở Lao động - Thương binh và Xã hội
    SeedTask(
        A.LEADERSHIP,
        "Chủ trì hướng dẫn, đôn đốc, kiểm tra việc thực hiện kế hoạch năm 2022 ở các sở, ngành, đoàn thể "
        "và cấp huyện; tổng hợp, báo cáo định kỳ, đột xuất cho UBND tỉnh và Bộ Lao động - Thương binh và "
        "Xã hội.",
        "labour",
    ),
    SeedTask(A.COMMUNICATION, "Tổ chức truyền thông phòng, chống mại dâm trên toàn tỉnh.", "labour"),
    SeedTask(
        A.INSPECTION,
        "Tổ chức kiểm tra liên ngành theo kế hoạch được UBND tỉnh duyệt; chỉ đạo, hướng dẫn Đội kiểm tra "
        "liên ngành cấp huyện rà soát, kiểm tra cơ sở kinh doanh dịch vụ.",
        "labour",
    ),
    SeedTask(
        A.INSPECTION,
        "Thanh tra, kiểm tra việc chấp hành pháp luật lao động, sử dụng lao động, hợp đồng lao động ở cơ sở "
        "kinh doanh dịch vụ.",
        "labour",
    ),
    SeedTask(
        A.LEADERSHIP,
        "Chủ trì đánh giá, xây dựng báo cáo tổng kết kế hoạch phòng, chống mại dâm giai đoạn 2022 - 2025.",
        "labour",
    ),
    # 2. Công an tỉnh
    SeedTask(
        A.HOTSPOTS,
        "Điều tra, triệt phá ổ nhóm, đường dây, tụ điểm mại dâm; gắn phòng, chống mại dâm với phòng, chống "
        "tội phạm; hướng dẫn cơ sở kinh doanh dịch vụ giữ an ninh trật tự.",
        "police",
    ),
    SeedTask(
        A.HOTSPOTS,
        "Chỉ đạo phòng nghiệp vụ, công an cấp huyện, cấp xã rà soát, xác định điểm mại dâm, lập chuyên án "
        "triệt phá; quản lý địa bàn, nhân khẩu, tạm trú, tạm vắng; phát động nhân dân tố giác.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo phòng chuyên môn báo cáo nhanh và định kỳ 6 tháng, năm về xử phạt vi phạm hành chính trong "
        "phòng, chống mại dâm (Nghị định số 144/2021/NĐ-CP ngày 31/12/2021 của Chính phủ) gửi Sở Lao động - "
        "Thương binh và Xã hội để tổng hợp báo cáo UBND tỉnh và Bộ.",
        "police",
        recurrence=Task.Recurrence.SEMIANNUAL,
    ),
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo phòng chức năng, công an cấp huyện phối hợp liên ngành; quản lý an ninh trật tự ở cơ sở "
        "kinh doanh có điều kiện (khách sạn, nhà nghỉ, karaoke, vũ trường, tắm quất, massage, văn hóa, du "
        "lịch); điều tra, xử lý triệt để vi phạm.",
        "police",
    ),
    SeedTask(
        A.INSPECTION,
        "Cùng Sở Thông tin và Truyền thông ngăn chặn mại dâm qua công nghệ cao; cùng Viện Kiểm sát, Tòa án "
        "nhân dân tỉnh chỉ đạo điều tra, truy tố, xét xử án mại dâm.",
        "police",
        coordinating=("information", "procuracy", "court"),
    ),
    # 3. Sở Y tế
    SeedTask(
        A.HARM_REDUCTION,
        "Chỉ đạo cơ sở y tế cấp huyện cùng phòng Lao động - Thương binh và Xã hội khám sức khỏe định kỳ cho "
        "người lao động ở cơ sở kinh doanh dịch vụ dễ bị lợi dụng.",
        "health",
        coordinating_note="Phòng Lao động - Thương binh và Xã hội các huyện, thị xã, thành phố",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Cùng các sở, ngành đề xuất cơ chế giúp người bán dâm tiếp cận dịch vụ dự phòng, khám, điều trị "
        "HIV và bệnh lây qua đường tình dục, điều trị Methadone, chương trình bao cao su ở cơ sở kinh "
        "doanh dịch vụ.",
        "health",
        coordinating_note="Các sở, ngành liên quan",
    ),
    SeedTask(
        A.INSPECTION,
        "Phối hợp liên ngành; chỉ đạo thanh tra, kiểm tra việc khám sức khỏe định kỳ cho người lao động và "
        "điều kiện y tế của cơ sở massage, xông hơi.",
        "health",
    ),
    # 4. Sở Thông tin và Truyền thông
    SeedTask(
        A.COMMUNICATION,
        "Chủ trì hướng dẫn báo chí, đài truyền thanh cơ sở tuyên truyền kế hoạch và chính sách phòng, chống "
        "mại dâm, mở chuyên trang, chuyên mục, tăng thời lượng, lồng ghép với phòng, chống mua bán người, "
        "HIV/AIDS; chú trọng xã vùng sâu, vùng xa, giáp ranh, khu trọ học sinh, sinh viên và nơi có nhiều cơ "
        "sở kinh doanh dịch vụ nhạy cảm.",
        "information",
    ),
    # 5. Sở Văn hóa, Thể thao và Du lịch
    SeedTask(
        A.INSPECTION,
        "Cùng UBND cấp huyện quản lý dịch vụ văn hóa, thẩm định, cấp phép karaoke và hậu kiểm sau cấp phép; "
        "tuyên truyền phòng, chống mại dâm trong các đơn vị trực thuộc.",
        "culture",
        coordinating_note="Ủy ban nhân dân các huyện, thị xã, thành phố",
    ),
    SeedTask(
        A.PREVENTION,
        'Cùng Ủy ban MTTQ tỉnh triển khai phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" gắn với '
        '"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh", gia đình, làng, khu dân cư văn hóa, '
        "phòng, chống ma túy, mại dâm, HIV/AIDS, mua bán người.",
        "culture",
        coordinating=("front",),
    ),
    SeedTask(
        A.INSPECTION,
        "Cùng Sở Lao động - Thương binh và Xã hội thực hiện quy chế phối hợp liên ngành; tham gia Đội kiểm "
        "tra liên ngành 178 tỉnh kiểm tra cơ sở kinh doanh dịch vụ văn hóa.",
        "culture",
        coordinating=("labour",),
    ),
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo phòng chuyên môn của Sở và phòng Văn hóa Thông tin cấp huyện thanh tra, kiểm tra cơ sở văn "
        "hóa, du lịch để ngăn chặn khiêu dâm, văn hóa phẩm đồi trụy, lợi dụng du lịch để hoạt động mại dâm.",
        "culture",
    ),
    # 6. Sở Tư pháp
    SeedTask(
        A.COMMUNICATION,
        "Tham mưu Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh chỉ đạo thành viên và hội đồng cấp "
        "huyện đẩy mạnh tuyên truyền pháp luật về phòng, chống mại dâm.",
        "justice",
    ),
    SeedTask(
        A.OTHER,
        "Cùng Sở Lao động - Thương binh và Xã hội nghiên cứu, tham mưu UBND tỉnh kiến nghị sửa đổi, bổ sung "
        "quy định pháp luật về phòng, chống mại dâm.",
        "justice",
        coordinating=("labour",),
        coordinating_note="Các cơ quan liên quan",
    ),
    # 7. Sở Giáo dục và Đào tạo
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo trường học lồng ghép kiến thức phòng, chống mại dâm vào chính khóa, ngoại khóa; tuyên "
        "truyền lối sống lành mạnh cho cán bộ, giáo viên, học sinh.",
        "education",
    ),
    SeedTask(
        A.PREVENTION,
        "Cùng đoàn thể, cơ quan cấp huyện giáo dục biện pháp phòng ngừa để học sinh, sinh viên không tham "
        "gia mại dâm và tệ nạn xã hội khác.",
        "education",
        coordinating_note="Các tổ chức đoàn thể, cơ quan ở các huyện, thị xã, thành phố",
    ),
    # 8. Sở Tài chính
    SeedTask(
        A.OTHER,
        "Căn cứ khả năng cân đối ngân sách, trình cấp có thẩm quyền bố trí kinh phí thực hiện kế hoạch cho "
        "cơ quan, đơn vị.",
        "finance",
    ),
    # 9. Bộ Chỉ huy Bộ đội Biên phòng tỉnh
    SeedTask(
        A.PREVENTION,
        "Chủ trì phòng, chống mại dâm ở khu vực biên giới, lồng ghép với phòng, chống tội phạm ma túy và mua "
        "bán người.",
        "border",
        coordinating_note="Các ngành, chính quyền địa phương",
    ),
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo đơn vị, đồn biên phòng phát hiện, ngăn chặn mại dâm ở biên giới; tuần tra, kiểm soát, "
        "nhất là cửa khẩu, phát hiện mua bán người qua biên giới vì mục đích mại dâm.",
        "border",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Tuyên truyền pháp luật về phòng, chống mại dâm và mua bán người cho nhân dân khu vực biên giới.",
        "border",
    ),
    # 10. Báo Quảng Trị, Đài Phát thanh - Truyền hình Quảng Trị
    SeedTask(
        A.COMMUNICATION,
        "Truyền thông nếp sống văn minh, tình dục lành mạnh, an toàn; nâng chất lượng tin, bài; đăng tin "
        "về phòng, chống mại dâm 1 - 2 lần mỗi tháng; phổ biến chính sách, pháp luật; biểu dương điển "
        "hình, lên án vi phạm.",
        "newspaper",
        coordinating=("broadcaster",),
        recurrence=Task.Recurrence.MONTHLY,
    ),
    # 11. Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo Viện Kiểm sát, Tòa án cấp huyện phối hợp với Công an sớm truy tố, xét xử nghiêm án mại dâm; "
        "xét xử lưu động để răn đe, phòng ngừa.",
        "procuracy",
        coordinating=("court", "police"),
    ),
    # 12. Ủy ban MTTQ và các tổ chức chính trị - xã hội (đề nghị)
    SeedTask(
        A.PREVENTION,
        'Chỉ đạo MTTQ các cấp thực hiện cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa" kết hợp '
        "xây dựng xã, phường lành mạnh; tuyên truyền về ma túy, mại dâm, HIV/AIDS, mua bán người cho tổ chức "
        "thành viên, gia đình, cộng đồng.",
        "front",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo công đoàn cơ sở tuyên truyền phòng, chống mại dâm cho công chức, viên chức, người lao "
        "động ở doanh nghiệp.",
        "labour_federation",
    ),
    SeedTask(
        A.HARM_REDUCTION,
        "Phát huy vai trò phụ nữ trong giáo dục gia đình; giao chi hội gặp gỡ, tư vấn, giúp người bán dâm "
        "tại cộng đồng, sinh hoạt câu lạc bộ; theo dõi học nghề, việc làm; giới thiệu tín dụng, tư vấn "
        "pháp lý, sức khỏe sinh sản, vay vốn để không tái phạm.",
        "women",
    ),
    SeedTask(
        A.COMMUNICATION,
        "Tuyên truyền phòng, chống mại dâm trong đoàn viên, thanh niên, học sinh, sinh viên; xây dựng mô "
        "hình ở đoàn cơ sở; vận động thực hiện các cuộc vận động và phong trào xây dựng môi trường lành "
        "mạnh.",
        "youth",
    ),
    # 13. Ủy ban nhân dân các huyện, thị xã, thành phố
    SeedTask(
        A.PREVENTION,
        "Xây dựng, triển khai kế hoạch phòng, chống mại dâm gắn với nhiệm vụ kinh tế - xã hội; chỉ đạo "
        "UBND cấp xã lồng ghép vào chương trình an sinh (giảm nghèo, dạy nghề, việc làm, mua bán người, "
        "HIV/AIDS).",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.INSPECTION,
        "Chỉ đạo cơ quan đăng ký kinh doanh cấp huyện cấp phép đúng quy định cho ngành nghề có điều kiện "
        "về an ninh trật tự và phối hợp kiểm tra sau khi cơ sở hoạt động.",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.INSPECTION,
        "Kiện toàn Tổ công tác liên ngành và Đội kiểm tra liên ngành cấp huyện; chỉ đạo ký cam kết giữa "
        "chủ cơ sở với UBND cấp xã, giữa người lao động với chủ cơ sở về việc không để xảy ra, không tham "
        "gia mại dâm.",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.COMMUNICATION,
        "Đưa tuyên truyền phòng, chống mại dâm vào sinh hoạt tổ dân phố, khu dân cư, câu lạc bộ; duy trì xã, "
        "phường, thị trấn lành mạnh không có ma túy, mại dâm.",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.OTHER,
        "Bố trí ngân sách và nguồn hợp pháp khác, kể cả kinh phí kiểm tra, giám sát của Tổ công tác liên "
        "ngành và Đội kiểm tra liên ngành cấp huyện.",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
    ),
    SeedTask(
        A.COMMUNICATION,
        "Chỉ đạo UBND cấp xã tuyên truyền phòng ngừa: mỗi xã, phường, thị trấn tổ chức ít nhất một hình thức "
        "tuyên truyền trong năm 2022; nắm số người bán dâm để quản lý, giáo dục, hỗ trợ tiếp cận dịch vụ và "
        "tái hòa nhập.",
        "bcd",
        coordinating_note=LOWER_UNITS_NOTE,
        due_date=D(2022, 12, 31),
    ),
    # VI.2: the focal agency's own follow-up, assigned in the reporting chapter.
    SeedTask(
        A.LEADERSHIP,
        "Đôn đốc, kiểm tra việc thực hiện kế hoạch; định kỳ tổng hợp, báo cáo UBND tỉnh và Ủy ban quốc gia "
        "phòng, chống HIV/AIDS và phòng, chống tệ nạn ma túy, mại dâm.",
        "labour",
    ),
)

# One paragraph of the document states every rule (the Word document prints it once).
REPORTING = (
    "Thành viên Ban Chỉ đạo 138 tỉnh và UBND các huyện, thị xã, thành phố gửi báo cáo kết quả phòng, chống "
    "mại dâm định kỳ 6 tháng (trước ngày 15/6), năm (trước ngày 15/12) và đột xuất về Sở Lao động - Thương "
    "binh và Xã hội (cơ quan thường trực phòng, chống mại dâm tỉnh) để tổng hợp."
)

RULES = (
    SeedRule(
        R.Reporters.ASSIGNED_AGENCIES,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="labour",
        due_day=15,
        due_month=6,
    ),
    SeedRule(
        R.Reporters.LOWER_UNITS,
        R.PeriodKind.SEMIANNUAL,
        REPORTING,
        recipient="labour",
        due_day=15,
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
    key="quang_tri_2022",
    original_file="001_01cad460861d4b6f.txt",
    unit_path="L45",
    agencies=AGENCIES,
    issuer="bcd",
    focal="labour",
    number="",
    symbol="KH-BCĐ138",
    issued_on=None,
    issued_place="Quảng Trị",
    title="Phòng, chống mại dâm trên địa bàn tỉnh Quảng Trị năm 2022",
    kind=Plan.Kind.ANNUAL,
    period_start=D(YEAR, 1, 1),
    period_end=D(YEAR, 12, 31),
    implements_reference=(
        "Kế hoạch số 22/KH-UBND ngày 11/02/2022 của Ủy ban nhân dân tỉnh Quảng Trị về thực hiện Chương trình "
        "phòng, chống mại dâm trên địa bàn tỉnh Quảng Trị giai đoạn 2022 - 2025"
    ),
    preamble=(
        "Để thực hiện Kế hoạch số 22/KH-UBND ngày 11/02/2022 của Ủy ban nhân dân tỉnh về Chương trình "
        "phòng, chống mại dâm giai đoạn 2022 - 2025, Ban Chỉ đạo 138 tỉnh ban hành kế hoạch phòng, chống "
        "mại dâm năm 2022 trên địa bàn tỉnh."
    ),
    purpose=(
        "Đẩy mạnh phòng, chống mại dâm, giảm vi phạm pháp luật liên quan, góp phần giữ an ninh trật tự, an "
        "toàn xã hội; hạn chế tác hại của mại dâm đối với phát triển kinh tế - xã hội; bảo đảm người bán dâm "
        "được tiếp cận bình đẳng dịch vụ xã hội để thay đổi cuộc sống, hòa nhập cộng đồng."
    ),
    requirements=(
        "Sở, ban, ngành, đoàn thể và Ủy ban nhân dân cấp huyện thực hiện nghiêm chỉ đạo của Trung ương và "
        "của tỉnh; cụ thể hóa chỉ tiêu, nhiệm vụ đến cơ sở; phối hợp chặt chẽ để hoàn thành đúng tiến độ; "
        "báo cáo kết quả về Ban Chỉ đạo 138 tỉnh theo quy định."
    ),
    budget_clause=(
        "Ngân sách nhà nước trong dự toán hằng năm của các sở, ban, ngành và Ủy ban nhân dân cấp huyện theo "
        "phân cấp hiện hành, cùng các nguồn hợp pháp khác."
    ),
    closing_text=(
        "Ban Chỉ đạo 138 tỉnh yêu cầu các sở, ban, ngành, đoàn thể cấp tỉnh và Ủy ban nhân dân cấp huyện "
        "triển khai thực hiện kế hoạch."
    ),
    signer=SeedSigner(position="TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH", name="Hoàng Nam"),
    recipients=(
        "Bộ LĐ-TB&XH (b/c)",
        "TT Tỉnh ủy, TT HĐND tỉnh (b/c)",
        "Cục PCTNXH (Bộ LĐTB&XH)",
        "UBMTTQ Việt Nam tỉnh",
        "Ban VHXH, HĐND tỉnh",
        "Các Sở, ban, ngành, đoàn thể cấp tỉnh (trong KH)",
        "Các thành viên BCĐ 138 tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "CVP, PVP",
    ),
    archive_line="Lưu: VT, NCM, KGVXT",
    sections=SECTIONS,
    targets=TARGETS,
    tasks=TASKS,
    rules=RULES,
)
