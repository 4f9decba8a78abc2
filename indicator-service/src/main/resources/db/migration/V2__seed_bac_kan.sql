-- The Bắc Kạn set of the seed texts (2013–2022): the district-level city, its departments, wards and communes,
-- the measure units and the indicators the texts report. Each is also announced on the outbox, so the other
-- services' read models fill from events alone. ${outbox-topic} is the service topic (test.… under %test).

insert into org_unit (code, name, kind, parent_code, valid_from) values
    ('CITY', 'UBND thành phố Bắc Kạn', 'CITY', null, '1997-01-01');
insert into org_unit (code, name, kind, parent_code, valid_from) values
    ('FIN', 'Phòng Tài chính – Kế hoạch', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('ECO', 'Phòng Kinh tế', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('ENV', 'Phòng Tài nguyên và Môi trường', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('URB', 'Phòng Quản lý đô thị', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('CUL', 'Phòng Văn hóa – Thông tin', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('LAB', 'Phòng Lao động – Thương binh và Xã hội', 'DEPARTMENT', 'CITY', '1997-01-01'),
    ('W-SONGCAU', 'Phường Sông Cầu', 'WARD', 'CITY', '1997-01-01'),
    ('W-DUCXUAN', 'Phường Đức Xuân', 'WARD', 'CITY', '1997-01-01'),
    ('W-XUATHOA', 'Phường Xuất Hóa', 'WARD', 'CITY', '1997-01-01'),
    ('W-PHUNGCHIKIEN', 'Phường Phùng Chí Kiên', 'WARD', 'CITY', '1997-01-01'),
    ('W-NGUYENTHIMINHKHAI', 'Phường Nguyễn Thị Minh Khai', 'WARD', 'CITY', '1997-01-01'),
    ('C-DUONGQUANG', 'Xã Dương Quang', 'COMMUNE', 'CITY', '1997-01-01'),
    ('C-NONGTHUONG', 'Xã Nông Thượng', 'COMMUNE', 'CITY', '1997-01-01');

insert into measure_unit (code, name) values
    ('tỷ đồng', 'tỷ đồng (10^9 VND)'),
    ('triệu đồng', 'triệu đồng (10^6 VND)'),
    ('triệu đồng/người/năm', 'triệu đồng mỗi người mỗi năm'),
    ('tấn', 'tấn'),
    ('tạ/ha', 'tạ trên héc-ta'),
    ('ha', 'héc-ta'),
    ('%', 'phần trăm'),
    ('người', 'người'),
    ('hộ', 'hộ'),
    ('căn', 'căn nhà'),
    ('sản phẩm', 'sản phẩm'),
    ('tiêu chí', 'tiêu chí');

insert into indicator (code, name, measure_unit, nature, direction, owner_unit, category, reporting_units) values
    ('BUDGET_REVENUE', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER', 'FIN', 'Tài chính',
     'CITY,FIN,W-SONGCAU,W-DUCXUAN,W-XUATHOA,W-PHUNGCHIKIEN,W-NGUYENTHIMINHKHAI,C-DUONGQUANG,C-NONGTHUONG'),
    ('BUDGET_SPENDING', 'Chi ngân sách nhà nước', 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER', 'FIN', 'Tài chính', 'CITY,FIN'),
    ('INDUSTRIAL_OUTPUT', 'Giá trị sản xuất công nghiệp', 'triệu đồng', 'FLOW', 'HIGHER_IS_BETTER', 'ECO', 'Công nghiệp', 'CITY,ECO'),
    ('RETAIL_SALES', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'tỷ đồng', 'FLOW', 'HIGHER_IS_BETTER', 'ECO',
     'Thương mại – dịch vụ', 'CITY,ECO'),
    ('GRAIN_OUTPUT', 'Sản lượng lương thực có hạt', 'tấn', 'FLOW', 'HIGHER_IS_BETTER', 'ECO', 'Nông nghiệp',
     'CITY,ECO,C-DUONGQUANG,C-NONGTHUONG,W-XUATHOA'),
    ('RICE_YIELD', 'Năng suất lúa', 'tạ/ha', 'LEVEL', 'HIGHER_IS_BETTER', 'ECO', 'Nông nghiệp', 'CITY,ECO,C-DUONGQUANG,C-NONGTHUONG'),
    ('FOREST_PLANTED', 'Diện tích rừng trồng mới', 'ha', 'FLOW', 'HIGHER_IS_BETTER', 'ECO', 'Lâm nghiệp',
     'CITY,ECO,C-DUONGQUANG,C-NONGTHUONG'),
    ('HIGH_VALUE_LAND', 'Diện tích đất canh tác đạt giá trị thu nhập 70 triệu đồng/ha', 'ha', 'LEVEL', 'HIGHER_IS_BETTER', 'ECO',
     'Nông nghiệp', 'CITY,ECO'),
    ('RICE_SEEDING_PROGRESS', 'Tiến độ gieo mạ so với nhu cầu', '%', 'PROGRESS', 'HIGHER_IS_BETTER', 'ECO', 'Nông nghiệp',
     'CITY,ECO,C-DUONGQUANG,C-NONGTHUONG'),
    ('LAND_PREPARATION_PROGRESS', 'Tiến độ làm đất so với diện tích gieo cấy', '%', 'PROGRESS', 'HIGHER_IS_BETTER', 'ECO',
     'Nông nghiệp', 'CITY,ECO,C-DUONGQUANG,C-NONGTHUONG'),
    ('POVERTY_RATE', 'Tỷ lệ hộ nghèo', '%', 'LEVEL', 'LOWER_IS_BETTER', 'LAB', 'An sinh xã hội',
     'CITY,LAB,W-SONGCAU,W-DUCXUAN,W-XUATHOA,W-PHUNGCHIKIEN,W-NGUYENTHIMINHKHAI,C-DUONGQUANG,C-NONGTHUONG'),
    ('NEAR_POOR_RATE', 'Tỷ lệ hộ cận nghèo', '%', 'LEVEL', 'LOWER_IS_BETTER', 'LAB', 'An sinh xã hội',
     'CITY,LAB,W-SONGCAU,W-DUCXUAN,W-XUATHOA,W-PHUNGCHIKIEN,W-NGUYENTHIMINHKHAI,C-DUONGQUANG,C-NONGTHUONG'),
    ('JOBS_CREATED', 'Số lao động được tạo việc làm', 'người', 'FLOW', 'HIGHER_IS_BETTER', 'LAB', 'Lao động – việc làm',
     'CITY,LAB,W-SONGCAU,W-DUCXUAN,W-XUATHOA,W-PHUNGCHIKIEN,W-NGUYENTHIMINHKHAI,C-DUONGQUANG,C-NONGTHUONG'),
    ('SOLIDARITY_HOUSES', 'Nhà đại đoàn kết xây mới và sửa chữa', 'căn', 'FLOW', 'HIGHER_IS_BETTER', 'LAB', 'An sinh xã hội', 'CITY,LAB'),
    ('INCOME_PER_HEAD', 'Thu nhập bình quân đầu người', 'triệu đồng/người/năm', 'LEVEL', 'HIGHER_IS_BETTER', 'FIN', 'Tổng hợp', 'CITY,FIN'),
    ('NTM_CRITERIA_MET', 'Số tiêu chí nông thôn mới đạt (trên 19)', 'tiêu chí', 'LEVEL', 'HIGHER_IS_BETTER', 'ECO', 'Nông thôn mới',
     'C-DUONGQUANG,C-NONGTHUONG'),
    ('ECON_SHARE_TRADE_SERVICES', 'Tỷ trọng thương mại – dịch vụ trong cơ cấu kinh tế', '%', 'LEVEL', 'HIGHER_IS_BETTER', 'FIN',
     'Cơ cấu kinh tế', 'CITY,FIN'),
    ('ECON_SHARE_INDUSTRY', 'Tỷ trọng công nghiệp – tiểu thủ công nghiệp trong cơ cấu kinh tế', '%', 'LEVEL', 'HIGHER_IS_BETTER',
     'FIN', 'Cơ cấu kinh tế', 'CITY,FIN'),
    ('ECON_SHARE_AGRICULTURE', 'Tỷ trọng nông – lâm nghiệp trong cơ cấu kinh tế', '%', 'LEVEL', 'LOWER_IS_BETTER', 'FIN',
     'Cơ cấu kinh tế', 'CITY,FIN'),
    ('OCOP_PRODUCTS', 'Số sản phẩm đăng ký tham gia chương trình OCOP', 'sản phẩm', 'FLOW', 'HIGHER_IS_BETTER', 'ECO', 'Nông thôn mới',
     'CITY,ECO'),
    ('PARTY_MEMBERS_ADMITTED', 'Số đảng viên kết nạp mới', 'người', 'FLOW', 'HIGHER_IS_BETTER', 'CITY', 'Xây dựng Đảng', 'CITY');

insert into outbox_event (id, topic, event_key, type, envelope)
select e.id, '${outbox-topic}', e.code, 'city.indicator.unit-changed.v1',
       json_build_object(
           'specversion', '1.0', 'id', e.id::text, 'source', '/city/indicator-service',
           'type', 'city.indicator.unit-changed.v1',
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', e.code, 'datacontenttype', 'application/json',
           'data', json_build_object(
               'code', e.code, 'name', e.name, 'kind', e.kind, 'parentCode', e.parent_code, 'active', e.active,
               'validFrom', e.valid_from, 'validTo', e.valid_to,
               'predecessorCodes', json_build_array(), 'successorCodes', json_build_array()))::text
from (select gen_random_uuid() as id, u.* from org_unit u order by u.parent_code nulls first, u.code) e;

insert into outbox_event (id, topic, event_key, type, envelope)
select e.id, '${outbox-topic}', e.code, 'city.indicator.indicator-changed.v1',
       json_build_object(
           'specversion', '1.0', 'id', e.id::text, 'source', '/city/indicator-service',
           'type', 'city.indicator.indicator-changed.v1',
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', e.code, 'datacontenttype', 'application/json',
           'data', json_build_object(
               'code', e.code, 'name', e.name, 'measureUnit', e.measure_unit, 'nature', e.nature,
               'direction', e.direction, 'ownerUnit', e.owner_unit, 'category', e.category, 'active', e.active,
               'reportingUnits', to_json(string_to_array(e.reporting_units, ','))))::text
from (select gen_random_uuid() as id, i.* from indicator i order by i.code) e;
