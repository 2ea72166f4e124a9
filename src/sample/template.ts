import type { Criterion, Template } from '../core/template/types';

/**
 * A 100-point Bảng chấm điểm of a Khối Nội chính, modelled on published provincial sheets: it uses
 * every rule kind of docs/scoring-rules.md (base items, per-case penalties and bonuses with caps, a net cap,
 * attainment tiers, a deadline rule, a two-input band, award bonuses, knock-out conditions).
 */
const c = (
  code: string,
  parent: string | undefined,
  kind: Criterion['kind'],
  text: string,
  extra: Partial<Criterion> = {},
): Criterion => ({ code, ...(parent ? { parent } : {}), kind, text, ...extra });

export const SAMPLE_TEMPLATE: Template = {
  title: 'Bảng chấm điểm thi đua năm 2025 – Khối Nội chính',
  declaredTotal: 100,
  criteria: [
    c('I', undefined, 'group', 'Công tác chỉ đạo, tổ chức phong trào thi đua', { base: 20 }),
    c(
      '1.1',
      'I',
      'choice',
      'Ban hành Kế hoạch phát động phong trào thi đua năm (ghi ngày ban hành)',
      {
        evidenceRequired: true,
      },
    ),
    c('1.1.a', '1.1', 'base', 'Ban hành trong tháng 01', { base: 4, band: { to: '2025-02-01' } }),
    c('1.1.b', '1.1', 'penalty', 'Ban hành sau ngày 31/01: không đạt điểm và trừ 1 điểm', {
      rate: 1,
      band: { from: '2025-02-01' },
    }),
    c('1.2', 'I', 'base', 'Tổ chức ký kết giao ước thi đua, đăng ký danh hiệu thi đua', {
      base: 4,
      caps: { penalty: 2 },
      note: 'Tổng điểm trừ của mục 1.2 không quá 2 điểm',
    }),
    c('1.2.1', '1.2', 'penalty', 'Mỗi đơn vị trực thuộc không đăng ký thi đua trừ 0,5 điểm', {
      rate: 0.5,
    }),
    c('1.3', 'I', 'base', 'Sơ kết, tổng kết; phát hiện, nhân rộng điển hình tiên tiến', {
      base: 6,
    }),
    c(
      '1.3.1',
      '1.3',
      'bonus',
      'Mỗi bài viết, phóng sự về điển hình tiên tiến được đăng +0,2 điểm, tối đa 1 điểm',
      {
        rate: 0.2,
        caps: { bonus: 1 },
        evidenceRequired: true,
      },
    ),
    c('1.4', 'I', 'choice', 'Báo cáo công tác thi đua, khen thưởng', { base: 6 }),
    c('1.4.a', '1.4', 'base', 'Gửi đầy đủ, đúng hạn', { base: 6 }),
    c('1.4.b', '1.4', 'base', 'Gửi chậm hạn', { base: 3 }),
    c('1.4.c', '1.4', 'penalty', 'Không có công văn, báo cáo: 0 điểm và trừ 2 điểm', { rate: 2 }),

    c('II', undefined, 'group', 'Thực hiện nhiệm vụ chính trị, chuyên môn', { base: 50 }),
    c('2.1', 'II', 'group', 'Kết quả thực hiện chỉ tiêu, nhiệm vụ được giao', {
      base: 20,
      caps: { net: 7 },
      note: 'Điểm trừ, cộng tối đa đối với mục 2.1 không quá 7 điểm',
    }),
    c('2.1.1', '2.1', 'base', 'Hoàn thành 100% chỉ tiêu, nhiệm vụ được giao', { base: 10 }),
    c('2.1.1.1', '2.1.1', 'bonus', 'Mỗi chỉ tiêu vượt kế hoạch +1 điểm', {
      rate: 1,
      evidenceRequired: true,
    }),
    c('2.1.1.2', '2.1.1', 'penalty', 'Mỗi chỉ tiêu không đạt trừ 1 điểm', { rate: 1 }),
    c('2.1.2', '2.1', 'choice', 'Tỷ lệ giải quyết đơn thư, vụ việc đúng hạn (ghi tỷ lệ %)', {
      base: 10,
    }),
    c('2.1.2.a', '2.1.2', 'base', 'Từ 98% trở lên', { base: 10, band: { from: 98 } }),
    c('2.1.2.b', '2.1.2', 'base', 'Từ 97% đến dưới 98%', { base: 8, band: { from: 97, to: 98 } }),
    c('2.1.2.c', '2.1.2', 'base', 'Từ 96% đến dưới 97%', { base: 6, band: { from: 96, to: 97 } }),
    c('2.1.2.d', '2.1.2', 'base', 'Dưới 96%', { base: 0, band: { to: 96 } }),
    c('2.2', 'II', 'group', 'Cải cách hành chính, chuyển đổi số', { base: 15 }),
    c('2.2.1', '2.2', 'base', 'Thực hiện cải cách thủ tục hành chính', { base: 8 }),
    c(
      '2.2.1.1',
      '2.2.1',
      'penalty',
      'Mỗi hồ sơ thủ tục hành chính giải quyết quá hạn trừ 0,5 điểm, tổng trừ không quá 3 điểm',
      {
        rate: 0.5,
        caps: { penalty: 3 },
      },
    ),
    c('2.2.2', '2.2', 'base', 'Ứng dụng công nghệ thông tin, chuyển đổi số', { base: 7 }),
    c(
      '2.2.2.1',
      '2.2.2',
      'bonus',
      'Sáng kiến chuyển đổi số được công nhận (khối đánh giá, tối đa 2 điểm)',
      {
        caps: { bonus: 2 },
        evidenceRequired: true,
      },
    ),
    c('2.3', 'II', 'group', 'Giải quyết hồ sơ, vụ việc', { base: 15 }),
    c('2.3.1', '2.3', 'base', 'Giải quyết hồ sơ, vụ việc trong năm đúng quy định', { base: 15 }),
    c('2.3.1.1', '2.3.1', 'measure', 'Số hồ sơ, vụ việc thụ lý trong năm'),
    c('2.3.1.2', '2.3.1', 'measure', 'Tỷ lệ hồ sơ giải quyết trước hạn (%)'),
    c('2.3.1.3', '2.3.1', 'choice', 'Điểm thưởng giải quyết trước hạn, theo khối lượng hồ sơ', {
      input: '2.3.1.1',
    }),
    c('2.3.1.3.a', '2.3.1.3', 'choice', 'Dưới 1.000 hồ sơ', {
      input: '2.3.1.2',
      band: { to: 1000 },
    }),
    c('2.3.1.3.a.1', '2.3.1.3.a', 'bonus', 'Trước hạn từ 50% trở lên +1 điểm', {
      rate: 1,
      band: { from: 50 },
    }),
    c('2.3.1.3.a.2', '2.3.1.3.a', 'bonus', 'Trước hạn từ 30% đến dưới 50% +0,5 điểm', {
      rate: 0.5,
      band: { from: 30, to: 50 },
    }),
    c('2.3.1.3.a.3', '2.3.1.3.a', 'bonus', 'Trước hạn dưới 30%: không cộng', {
      rate: 0,
      band: { to: 30 },
    }),
    c('2.3.1.3.b', '2.3.1.3', 'choice', 'Từ 1.000 đến dưới 2.000 hồ sơ', {
      input: '2.3.1.2',
      band: { from: 1000, to: 2000 },
    }),
    c('2.3.1.3.b.1', '2.3.1.3.b', 'bonus', 'Trước hạn từ 40% trở lên +1,5 điểm', {
      rate: 1.5,
      band: { from: 40 },
    }),
    c('2.3.1.3.b.2', '2.3.1.3.b', 'bonus', 'Trước hạn từ 20% đến dưới 40% +1 điểm', {
      rate: 1,
      band: { from: 20, to: 40 },
    }),
    c('2.3.1.3.b.3', '2.3.1.3.b', 'bonus', 'Trước hạn dưới 20%: không cộng', {
      rate: 0,
      band: { to: 20 },
    }),
    c('2.3.1.3.c', '2.3.1.3', 'choice', 'Từ 2.000 hồ sơ trở lên', {
      input: '2.3.1.2',
      band: { from: 2000 },
    }),
    c('2.3.1.3.c.1', '2.3.1.3.c', 'bonus', 'Trước hạn từ 30% trở lên +2 điểm', {
      rate: 2,
      band: { from: 30 },
    }),
    c('2.3.1.3.c.2', '2.3.1.3.c', 'bonus', 'Trước hạn từ 15% đến dưới 30% +1 điểm', {
      rate: 1,
      band: { from: 15, to: 30 },
    }),
    c('2.3.1.3.c.3', '2.3.1.3.c', 'bonus', 'Trước hạn dưới 15%: không cộng', {
      rate: 0,
      band: { to: 15 },
    }),

    c('III', undefined, 'group', 'Xây dựng Đảng, đoàn thể; kỷ luật, kỷ cương', { base: 20 }),
    c(
      '3.1',
      'III',
      'base',
      'Tổ chức Đảng, đoàn thể được đánh giá hoàn thành tốt nhiệm vụ trở lên',
      { base: 10 },
    ),
    c('3.2', 'III', 'base', 'Chấp hành kỷ luật, kỷ cương hành chính', {
      base: 10,
      caps: { penalty: 10 },
      note: 'Tổng điểm trừ của mục 3.2 không quá 10 điểm',
    }),
    c('3.2.1', '3.2', 'penalty', 'Mỗi cán bộ bị kỷ luật khiển trách trừ 2 điểm', { rate: 2 }),
    c('3.2.2', '3.2', 'penalty', 'Mỗi cán bộ bị kỷ luật từ cảnh cáo trở lên trừ 5 điểm', {
      rate: 5,
    }),

    c('IV', undefined, 'group', 'Tham gia hoạt động của khối thi đua', {
      base: 10,
      caps: { penalty: 3 },
      note: 'Tổng điểm trừ của Tiêu chuẩn IV không quá 3 điểm',
    }),
    c('4.1', 'IV', 'base', 'Tham gia đầy đủ các hoạt động do khối tổ chức', { base: 5 }),
    c('4.1.1', '4.1', 'penalty', 'Mỗi lần vắng mặt không có lý do trừ 1 điểm', { rate: 1 }),
    c('4.2', 'IV', 'base', 'Gửi báo cáo, bảng tự chấm điểm đúng hạn', { base: 5 }),
    c('4.2.1', '4.2', 'penalty', 'Mỗi ngày gửi chậm trừ 0,5 điểm', { rate: 0.5 }),

    c('V', undefined, 'group', 'Điểm thưởng', {
      caps: { bonus: 15 },
      note: 'Tổng điểm thưởng phần V không quá 15 điểm',
    }),
    c('5.1', 'V', 'choice', 'Thành tích khen thưởng năm trước của đơn vị', {
      evidenceRequired: true,
    }),
    c('5.1.a', '5.1', 'bonus', 'Được tặng Cờ thi đua của Chính phủ +15 điểm', { rate: 15 }),
    c('5.1.b', '5.1', 'bonus', 'Được tặng Cờ thi đua của UBND tỉnh +10 điểm', { rate: 10 }),
    c('5.1.c', '5.1', 'bonus', 'Được tặng Bằng khen của Chủ tịch UBND tỉnh +5 điểm', { rate: 5 }),
    c(
      '5.2',
      'V',
      'bonus',
      'Mỗi mô hình, sáng kiến được cấp có thẩm quyền công nhận +1 điểm, tối đa 3 điểm',
      {
        rate: 1,
        caps: { bonus: 3 },
        evidenceRequired: true,
      },
    ),

    c('KXL', undefined, 'group', 'Trường hợp không xếp loại'),
    c('KXL.1', 'KXL', 'knockout', 'Không gửi báo cáo giải trình chấm điểm và bảng chấm điểm'),
    c(
      'KXL.2',
      'KXL',
      'knockout',
      'Có tập thể hoặc cán bộ lãnh đạo bị xử lý kỷ luật từ cảnh cáo trở lên',
    ),
  ],
};
