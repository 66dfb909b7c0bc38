/**
 * Vietnamese word lists for sample data: people, units of a city and a province, models by field,
 * rubric standards for collectives and individuals. Realistic in shape (diacritics, naming habits);
 * the particular combinations are invented.
 *
 * Not here: any rule; nothing outside shared/sample should read these lists.
 */

export const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
export const MIDDLE = [
  'Văn',
  'Thị',
  'Đức',
  'Minh',
  'Thu',
  'Thanh',
  'Quang',
  'Ngọc',
  'Hữu',
  'Thúy',
  'Xuân',
  'Hồng',
];
export const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vân',
  'Yến',
];

/** City contest: district-level units (khối quận, huyện) then departments and armed forces. */
export const CITY_DISTRICTS = [
  'Quận Ba Đình',
  'Quận Hoàn Kiếm',
  'Quận Tây Hồ',
  'Quận Long Biên',
  'Quận Cầu Giấy',
  'Quận Đống Đa',
  'Quận Hai Bà Trưng',
  'Quận Hoàng Mai',
  'Quận Thanh Xuân',
  'Quận Nam Từ Liêm',
  'Quận Bắc Từ Liêm',
  'Quận Hà Đông',
  'Thị xã Sơn Tây',
  'Huyện Ba Vì',
  'Huyện Chương Mỹ',
  'Huyện Đan Phượng',
  'Huyện Đông Anh',
  'Huyện Gia Lâm',
  'Huyện Hoài Đức',
  'Huyện Mê Linh',
  'Huyện Mỹ Đức',
  'Huyện Phú Xuyên',
  'Huyện Phúc Thọ',
  'Huyện Quốc Oai',
  'Huyện Sóc Sơn',
  'Huyện Thạch Thất',
  'Huyện Thanh Oai',
  'Huyện Thanh Trì',
  'Huyện Thường Tín',
  'Huyện Ứng Hòa',
];
export const CITY_DEPARTMENTS = [
  'Đảng bộ Khối các cơ quan Thành phố',
  'Đảng bộ Khối Doanh nghiệp Thành phố',
  'Bộ Tư lệnh Thủ đô Hà Nội',
  'Công an Thành phố',
  'Ủy ban MTTQ Việt Nam Thành phố',
  'Hội Liên hiệp Phụ nữ Thành phố',
  'Thành đoàn Hà Nội',
  'Hội Nông dân Thành phố',
  'Hội Cựu chiến binh Thành phố',
  'Liên đoàn Lao động Thành phố',
  'Sở Nội vụ',
  'Sở Văn hóa và Thể thao',
];
export const GROUP_DISTRICTS = 'Quận, huyện, thị xã';
export const GROUP_DEPARTMENTS = 'Sở, ngành, đoàn thể, lực lượng vũ trang';

export const CITY_JUDGES: readonly (readonly [title: string, unit: string])[] = [
  ['Phó Trưởng Ban Dân vận Thành ủy', 'Ban Dân vận Thành ủy'],
  ['Phó Chủ tịch Ủy ban MTTQ Việt Nam Thành phố', 'Ủy ban MTTQ Việt Nam Thành phố'],
  ['Phó Giám đốc Sở Văn hóa và Thể thao', 'Sở Văn hóa và Thể thao'],
  ['Nghệ sĩ Ưu tú, đạo diễn', 'Nhà hát Kịch Hà Nội'],
  ['Giảng viên chính', 'Học viện Chính trị khu vực I'],
  ['Phó Chủ tịch Hội Liên hiệp Phụ nữ Thành phố', 'Hội Liên hiệp Phụ nữ Thành phố'],
  ['Trưởng phòng Dân vận chính quyền', 'Ban Dân vận Thành ủy'],
];

/** Province award round: levels of the nominating unit. */
export const PROVINCE_DISTRICTS = [
  'Thành phố Thanh Sơn',
  'Thị xã Phú Hòa',
  'Huyện Tân Lạc',
  'Huyện Yên Bình',
  'Huyện Đông Hải',
  'Huyện Lâm Sơn',
  'Huyện Vĩnh An',
  'Huyện Bắc Sơn',
  'Huyện Kim Đảo',
  'Huyện Hòa Vang',
];
/** Mountain and island districts: their communes have the lower pass mark. */
export const REMOTE_DISTRICTS = new Set(['Huyện Lâm Sơn', 'Huyện Bắc Sơn', 'Huyện Kim Đảo']);
export const COMMUNES = [
  'Tân Lập',
  'Hòa Bình',
  'Quang Trung',
  'Đông Phương',
  'Thanh Xuân',
  'Phú Thịnh',
  'Yên Thọ',
  'Đại Đồng',
  'Minh Khai',
  'Hưng Đạo',
  'Nghĩa Hưng',
  'Tiến Thắng',
  'Vĩnh Phúc',
  'An Khánh',
  'Xuân Lâm',
  'Hồng Phong',
  'Cao Minh',
  'Trung Hòa',
  'Phú Lương',
  'Long Hưng',
  'Bình Minh',
  'Tân Tiến',
  'Đồng Tâm',
  'Hợp Thành',
  'Kim Sơn',
  'Lạc Long',
  'Mỹ Lộc',
  'Ngọc Sơn',
  'Quyết Thắng',
  'Thống Nhất',
];
export const COMMUNE_BODIES = [
  'UBND',
  'Đảng ủy',
  'Ủy ban MTTQ',
  'Hội Nông dân',
  'Hội Liên hiệp Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Cựu chiến binh',
  'Công an',
];
export const PROVINCE_BODIES = [
  'Ban Dân vận Tỉnh ủy',
  'Ủy ban MTTQ Việt Nam tỉnh',
  'Hội Nông dân tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Tỉnh đoàn',
  'Sở Nội vụ',
  'Công an tỉnh',
  'Bộ Chỉ huy Quân sự tỉnh',
  'Liên đoàn Lao động tỉnh',
  'Sở Nông nghiệp và Phát triển nông thôn',
];
export const PROVINCE_JUDGE_TITLES = [
  'Trưởng Ban Dân vận Tỉnh ủy',
  'Phó Trưởng Ban Dân vận Tỉnh ủy',
  'Phó Chủ tịch Ủy ban MTTQ tỉnh',
  'Phó Chủ tịch Hội Nông dân tỉnh',
  'Phó Chủ tịch Hội LHPN tỉnh',
  'Phó Bí thư Tỉnh đoàn',
  'Phó Giám đốc Sở Nội vụ',
  'Phó Giám đốc Công an tỉnh',
  'Phó Chỉ huy trưởng Bộ CHQS tỉnh',
  'Phó Chủ tịch Liên đoàn Lao động tỉnh',
];

/** Model names per field (the default four lĩnh vực, in FIELDS order). */
export const MODELS_BY_FIELD: readonly (readonly string[])[] = [
  [
    'Tổ hợp tác trồng rau an toàn',
    'Chi hội nông dân nuôi ong lấy mật',
    'Hợp tác xã dịch vụ nông nghiệp tổng hợp',
    'Vay vốn ưu đãi giúp hộ nghèo thoát nghèo',
    'Dồn điền đổi thửa, xây dựng cánh đồng mẫu lớn',
    'Liên kết tiêu thụ sản phẩm OCOP',
    'Câu lạc bộ phụ nữ khởi nghiệp',
    'Vườn mẫu, khu dân cư kiểu mẫu',
  ],
  [
    'Hũ gạo tình thương',
    'Đường hoa thôn xóm',
    'Phân loại rác thải tại nguồn',
    'Câu lạc bộ dân ca, dân vũ',
    'Tủ sách pháp luật khu dân cư',
    'Khu dân cư không có trẻ em bỏ học',
    'Chi hội phụ nữ 5 không 3 sạch',
    'Nhà văn hóa thôn xanh – sạch – đẹp',
  ],
  [
    'Tổ tự quản an ninh trật tự',
    'Camera an ninh khu dân cư',
    'Khu dân cư an toàn về phòng cháy, chữa cháy',
    'Tổ hòa giải ở cơ sở',
    'Dân vận khéo trong tuyển quân',
    'Phụ nữ tham gia giữ gìn an ninh trật tự',
    'Cựu chiến binh giúp người lầm lỗi hoàn lương',
    'Tổ liên gia an toàn',
  ],
  [
    'Dân vận khéo trong giải phóng mặt bằng',
    'Một cửa liên thông hiện đại',
    'Ngày thứ Bảy lắng nghe ý kiến nhân dân',
    'Đối thoại định kỳ giữa chính quyền và nhân dân',
    'Chi bộ thôn gắn với dân',
    'Cán bộ, công chức phụ trách hộ gia đình',
    'Dân biết, dân bàn, dân kiểm tra',
    'Chính quyền thân thiện, vì nhân dân phục vụ',
  ],
];

/** Rubric standards [name, leaves]: five per rubric, 20 points each. */
export const COLLECTIVE_STANDARDS: readonly (readonly [string, readonly string[]])[] = [
  [
    'Tiêu chuẩn 1: Tính mới, sáng tạo',
    [
      'Cách làm mới, phù hợp thực tiễn',
      'Phát huy vai trò của nhân dân',
      'Có kế hoạch, mục tiêu rõ ràng',
    ],
  ],
  [
    'Tiêu chuẩn 2: Hiệu quả',
    ['Hiệu quả kinh tế – xã hội', 'Được nhân dân đồng tình, ủng hộ', 'Có số liệu chứng minh'],
  ],
  [
    'Tiêu chuẩn 3: Khả năng nhân rộng',
    ['Có thể áp dụng ở nơi khác', 'Đã được nhân rộng', 'Chi phí phù hợp'],
  ],
  [
    'Tiêu chuẩn 4: Tính bền vững',
    ['Duy trì thường xuyên', 'Có nguồn lực bảo đảm', 'Có người phụ trách'],
  ],
  [
    'Tiêu chuẩn 5: Hồ sơ, minh chứng',
    ['Báo cáo đầy đủ, rõ ràng', 'Số liệu, minh chứng cụ thể', 'Xác nhận của cấp ủy'],
  ],
];
export const INDIVIDUAL_STANDARDS: readonly (readonly [string, readonly string[]])[] = [
  [
    'Tiêu chuẩn 1: Phẩm chất, uy tín',
    [
      'Gương mẫu, được nhân dân tin yêu',
      'Gần dân, hiểu dân',
      'Chấp hành tốt chủ trương, pháp luật',
    ],
  ],
  [
    'Tiêu chuẩn 2: Cách làm sáng tạo',
    ['Cách vận động khéo léo', 'Huy động được nhân dân tham gia', 'Có sáng kiến cụ thể'],
  ],
  [
    'Tiêu chuẩn 3: Kết quả',
    [
      'Kết quả rõ, đo đếm được',
      'Mang lại lợi ích cho cộng đồng',
      'Được cấp có thẩm quyền ghi nhận',
    ],
  ],
  [
    'Tiêu chuẩn 4: Sức lan tỏa',
    ['Được học tập, làm theo', 'Được tuyên truyền, giới thiệu', 'Duy trì lâu dài'],
  ],
  [
    'Tiêu chuẩn 5: Hồ sơ, minh chứng',
    ['Báo cáo thành tích rõ ràng', 'Minh chứng cụ thể', 'Xác nhận của cơ sở'],
  ],
];
