import type { Person } from '../people';
import type { QuotaScopeKind } from '../rules';
import type { Evaluated } from './evaluate';
import type { QuotaCheck, QuotaCheckId, QuotaScope } from './types';

// What every family of checks shares: the titles, the check's texts, the bloc's scope.

const TITLES: Readonly<Record<QuotaCheckId, string>> = {
  'cstdcs-share': 'Tỷ lệ Chiến sĩ thi đua cơ sở',
  'cstdcs-leader-share': 'Tỷ lệ lãnh đạo trong số Chiến sĩ thi đua cơ sở',
  'cstdcs-non-leader-share': 'Tỷ lệ người không giữ chức vụ lãnh đạo trong số CSTĐCS',
  'ttldxs-duties': 'Tập thể LĐXS: thành viên hoàn thành nhiệm vụ',
  'ttldxs-ldtt-share': 'Tập thể LĐXS: tỷ lệ Lao động tiên tiến',
  'ttldxs-cstdcs': 'Tập thể LĐXS: có Chiến sĩ thi đua cơ sở',
  'target-units-ttldtt': 'Chỉ tiêu: đơn vị đạt Tập thể lao động tiên tiến',
  'target-units-ttldxs': 'Chỉ tiêu: đơn vị đạt Tập thể lao động xuất sắc',
  'target-provincial-cstd': 'Chỉ tiêu: Chiến sĩ thi đua cấp tỉnh',
  'target-individuals-ldtt': 'Chỉ tiêu: cá nhân đạt Lao động tiên tiến',
  'cstd-tinh-eligibility': 'Điều kiện Chiến sĩ thi đua cấp tỉnh',
  'cstd-toan-quoc-eligibility': 'Điều kiện Chiến sĩ thi đua toàn quốc',
  'ldtt-exclusions': 'Trường hợp không xét Lao động tiên tiến',
  'government-flag-share': 'Tỷ lệ Cờ thi đua của Chính phủ',
};

/** A check of `ev`, its message "prefix: what — verdict. Giới hạn: limit." (all texts NFC). */
export function makeCheck(
  id: QuotaCheckId,
  scope: QuotaScope,
  prefix: string,
  what: string,
  ev: Evaluated,
  source: string,
  details: string[],
): QuotaCheck {
  const message = `${prefix}: ${what} — ${ev.verdict}. Giới hạn: ${ev.limitText}.`;
  return {
    id,
    title: TITLES[id],
    scope,
    pass: ev.pass,
    applicable: ev.applicable,
    numbers: ev.numbers,
    limitText: ev.limitText.normalize('NFC'),
    rounding: ev.rounding,
    source: source.normalize('NFC'),
    message: message.normalize('NFC'),
    details: details.map((d) => d.normalize('NFC')),
  };
}

/** "Nguyễn A, Trần B". */
export function names(people: readonly Person[]): string {
  return people.map((p) => p.name).join(', ');
}

export const BLOC_PREFIX = 'Toàn khối';

export function wants(scopes: readonly QuotaScopeKind[], s: QuotaScopeKind): boolean {
  return scopes.includes(s);
}

/** A rule's checks per unit and over the bloc, listed apart (see `runQuotaChecks`). */
export interface SplitChecks {
  unit: QuotaCheck[];
  bloc: QuotaCheck[];
}
