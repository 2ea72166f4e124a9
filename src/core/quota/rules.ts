/**
 * Quota (award-ratio) rules as data.
 *
 * Every number a check uses lives here, next to a `source` text in Vietnamese that names the
 * legal text (or plan) it comes from and says so when the source is uncertain or superseded.
 * The user sees that text in every check result, so a default is never presented as law without
 * its origin, and a bloc that changes a number sees "Khối điều chỉnh: …" instead of the legal
 * source (see `withOverrides`).
 *
 * Shares are fractions (0.15 = 15%) that must be multiples of 1/10 000; the checks convert them
 * to integer units with `shareUnits` and never multiply them in floating point.
 *
 * A rule (or a plan target) set to `null` is switched off: no check is produced for it.
 */
import { SCALE } from '../decimal';
import { formatShareUnits } from './format';
import { toShareUnits } from './share';

/** Where a share check can be counted: in each member unit, over the whole bloc. */
export const QUOTA_SCOPE_KINDS = ['unit', 'khoi'] as const;

/** Where a share check is counted: in each member unit, over the whole bloc, or both. */
export type QuotaScopeKind = (typeof QUOTA_SCOPE_KINDS)[number];

/** What the CSTĐCS share is taken of. */
export type ShareBase =
  /** Individuals holding or proposed for LĐTT (or higher) this year, after exclusions. */
  | 'ldtt'
  /** Everybody on the unit's list (quân số), as the army counts. */
  | 'headcount';

/** Common part of every setting: where its numbers come from. */
export interface Sourced {
  /** Vietnamese text naming the legal text or plan, with its uncertainty; shown to the user. */
  source: string;
}

/** (1) CSTĐCS ≤ share of the base. */
export interface CstdcsShareRule extends Sourced {
  maxShare: number;
  base: ShareBase;
  scopes: QuotaScopeKind[];
}

/** (2a) Among CSTĐCS, leaders strictly below the share ("dưới 70%"). */
export interface LeaderShareRule extends Sourced {
  below: number;
  scopes: QuotaScopeKind[];
}

/** (2b) Among CSTĐCS, non-leaders strictly above the share ("trên 30%"). */
export interface NonLeaderShareRule extends Sourced {
  above: number;
  scopes: QuotaScopeKind[];
}

/** (3) Conditions on a collective proposed for TTLĐXS, counted over its members. */
export interface TtldxsRule extends Sourced {
  /** Share of members completing their duties (1 = 100%). */
  minCompletesDutiesShare: number;
  /** Share of members holding/proposed LĐTT this year. */
  minLdttShare: number;
  /** Members holding/proposed CSTĐCS this year. */
  minCstdcs: number;
}

/** A plan target on a share (rounded up). */
export interface MinShareTarget extends Sourced {
  minShare: number;
}

/** A plan target on a count. */
export interface MinCountTarget extends Sourced {
  minCount: number;
}

/** (4) Targets of the launch plan; each one can be switched off with `null`. */
export interface PlanTargets {
  /** Units proposed for at least TTLĐTT, over all units. */
  unitsTtldtt: MinShareTarget | null;
  /** Units proposed for at least TTLĐXS, over all units. */
  unitsTtldxs: MinShareTarget | null;
  /** Individuals proposed for CSTĐ cấp tỉnh (or higher) in the bloc. */
  provincialCstd: MinCountTarget | null;
  /** Individuals holding/proposed LĐTT, over all individuals. */
  individualsLdtt: MinShareTarget | null;
}

/**
 * (5) A title that needs N consecutive years of a lower title.
 *
 * Reading chosen: the N years are the N years immediately before the proposal year
 * (year − N … year − 1), each holding the lower title or a higher one; a gap breaks the run.
 * This is "3 lần liên tục đạt CSTĐCS" as most provinces apply it when the proposal for CSTĐ
 * cấp tỉnh is examined the year after the third CSTĐCS; the proposal year itself is not
 * counted because its CSTĐCS is not yet recognised when the file is checked.
 */
export interface ConsecutiveRule extends Sourced {
  consecutiveYears: number;
}

export interface EligibilityRules {
  /** CSTĐ cấp tỉnh: consecutive years of CSTĐCS (or higher). */
  cstdTinh: ConsecutiveRule | null;
  /** CSTĐ toàn quốc: consecutive years of CSTĐ cấp tỉnh (or higher). */
  cstdToanQuoc: ConsecutiveRule | null;
}

/** (6) Who cannot be LĐTT. */
export interface LdttExclusionRule extends Sourced {
  /** Excluded when months in service are below this (recruited < 10 months). */
  minMonthsInService: number;
  /** Excluded when working days off reach this (≥ 40 days). */
  daysOffExcludedFrom: number;
  /** Excluded when disciplined. */
  excludeDisciplined: boolean;
}

/** (7) Government flag ≤ share of the bloc-leading units. */
export interface GovernmentFlagRule extends Sourced {
  maxShare: number;
}

export interface QuotaRuleSet {
  /** Stable id ('mac-dinh', 'quan-doi', …). */
  id: string;
  /** Vietnamese name shown to the user. */
  name: string;
  /** Id of the preset this set was derived from by `withOverrides`. */
  basedOn?: string;
  cstdcsShare: CstdcsShareRule | null;
  leaderShare: LeaderShareRule | null;
  nonLeaderShare: NonLeaderShareRule | null;
  ttldxs: TtldxsRule | null;
  targets: PlanTargets;
  eligibility: EligibilityRules;
  ldttExclusions: LdttExclusionRule | null;
  governmentFlag: GovernmentFlagRule | null;
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const SRC_ND91_CSTDCS =
  'Nghị định 91/2017/NĐ-CP, Điều 9 (chưa thấy nhắc lại trong các nghị định hướng dẫn ' +
  'Luật Thi đua, khen thưởng 06/2022/QH15 — cần khối xác nhận)';
const SRC_PLAN_2018 =
  'Kế hoạch phát động phong trào thi đua năm 2018 của một sở (mẫu tham khảo, không phải quy ' +
  'định pháp luật — khối tự quyết định áp dụng)';
const SRC_LEADERS =
  'Kế hoạch phát động phong trào thi đua năm 2018 của một sở (mẫu tham khảo); luật chỉ yêu cầu ' +
  'ưu tiên người trực tiếp lao động, công tác, không quy định tỷ lệ — cần khối xác nhận';
const SRC_TTLDXS = 'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27';
const SRC_CSTD_TINH =
  'Điều kiện "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở" (Luật Thi đua, khen ' +
  'thưởng 2003, Điều 22; Luật 06/2022/QH15 giữ điều kiện này — cần khối xác nhận số điều). ' +
  'Cách tính: 3 năm liền trước năm đề nghị, không tính năm đề nghị — cần khối xác nhận theo ' +
  'hướng dẫn của tỉnh';
const SRC_CSTD_TQ =
  'Điều kiện "02 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh" ' +
  '(Luật Thi đua, khen thưởng — cần khối xác nhận số điều trong Luật 06/2022/QH15). Cách ' +
  'tính: 2 năm liền trước năm đề nghị';
const SRC_LDTT_EXCL =
  'Nghị định 65/2014/NĐ-CP, Điều 5 (chế độ cũ, hướng dẫn Luật sửa đổi 2013; đã được thay ' +
  'thế — cần khối đối chiếu quy định hiện hành, Nghị định 152/2025/NĐ-CP)';
const SRC_GOV_FLAG =
  'Nghị định 91/2017/NĐ-CP, Điều 11; Công văn 5007/BNV-TĐKT năm 2023 của Bộ Nội vụ';
const SRC_ARMY =
  'Thực tiễn trong Quân đội: CSTĐCS không quá 10% quân số (theo tài liệu nghiệp vụ của dự án; ' +
  'chưa đối chiếu thông tư của Bộ Quốc phòng — cần khối xác nhận)';
const SRC_MILITIA =
  'Thực tiễn đối với Dân quân tự vệ: CSTĐCS không quá 5% quân số (theo tài liệu nghiệp vụ của ' +
  'dự án; chưa đối chiếu văn bản của Bộ Quốc phòng — cần khối xác nhận)';

// ---------------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------------

/** Presets are shared module-level values: freeze them so no caller can edit the defaults. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_PRESET: QuotaRuleSet = deepFreeze({
  id: 'mac-dinh',
  name: 'Mặc định (cơ quan hành chính)',
  cstdcsShare: { maxShare: 0.15, base: 'ldtt', scopes: ['unit', 'khoi'], source: SRC_ND91_CSTDCS },
  leaderShare: { below: 0.7, scopes: ['unit', 'khoi'], source: SRC_LEADERS },
  nonLeaderShare: { above: 0.3, scopes: ['unit', 'khoi'], source: SRC_LEADERS },
  ttldxs: { minCompletesDutiesShare: 1, minLdttShare: 0.7, minCstdcs: 1, source: SRC_TTLDXS },
  targets: {
    unitsTtldtt: { minShare: 1, source: SRC_PLAN_2018 },
    unitsTtldxs: { minShare: 0.3, source: SRC_PLAN_2018 },
    provincialCstd: { minCount: 1, source: SRC_PLAN_2018 },
    individualsLdtt: { minShare: 1, source: SRC_PLAN_2018 },
  },
  eligibility: {
    cstdTinh: { consecutiveYears: 3, source: SRC_CSTD_TINH },
    cstdToanQuoc: { consecutiveYears: 2, source: SRC_CSTD_TQ },
  },
  ldttExclusions: {
    minMonthsInService: 10,
    daysOffExcludedFrom: 40,
    excludeDisciplined: true,
    source: SRC_LDTT_EXCL,
  },
  governmentFlag: { maxShare: 0.2, source: SRC_GOV_FLAG },
});

/** The army counts CSTĐCS on the headcount (quân số), 10%. Everything else as the default. */
export const ARMY_PRESET: QuotaRuleSet = deepFreeze({
  ...structuredClone(DEFAULT_PRESET),
  id: 'quan-doi',
  name: 'Quân đội',
  cstdcsShare: { maxShare: 0.1, base: 'headcount', scopes: ['unit', 'khoi'], source: SRC_ARMY },
});

/** Militia (dân quân tự vệ): CSTĐCS 5% of the headcount. */
export const MILITIA_PRESET: QuotaRuleSet = deepFreeze({
  ...structuredClone(DEFAULT_PRESET),
  id: 'dan-quan-tu-ve',
  name: 'Dân quân tự vệ',
  cstdcsShare: { maxShare: 0.05, base: 'headcount', scopes: ['unit', 'khoi'], source: SRC_MILITIA },
});

/** The presets by id; each preset's `id` is its key here. */
export const PRESETS = Object.freeze({
  'mac-dinh': DEFAULT_PRESET,
  'quan-doi': ARMY_PRESET,
  'dan-quan-tu-ve': MILITIA_PRESET,
});

/** The id of a preset: what a bloc's settings name (`quotaPreset`, key bo_quy_tac_ty_le). */
export type QuotaPresetId = keyof typeof PRESETS;

/** Whether a text (read from a sheet, typed in a form) names a preset. */
export function isQuotaPresetId(id: string): id is QuotaPresetId {
  return Object.prototype.hasOwnProperty.call(PRESETS, id);
}

// ---------------------------------------------------------------------------------------------
// Overrides
// ---------------------------------------------------------------------------------------------

/** Recursive partial; arrays are replaced whole, `null` switches a rule off. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A bloc's changes to a preset (`quotaOverrides`, key dieu_chinh_ty_le): see `withOverrides`. */
export type QuotaOverrides = DeepPartial<QuotaRuleSet>;

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A setting is a leaf object carrying a source; groups (targets, eligibility) are not. */
function isSetting(v: unknown): v is Plain & Sourced {
  return isPlain(v) && typeof v.source === 'string';
}

const SHARE_FIELDS = new Set([
  'maxShare',
  'below',
  'above',
  'minShare',
  'minCompletesDutiesShare',
  'minLdttShare',
]);

const FIELD_LABELS: Readonly<Record<string, string>> = {
  maxShare: 'tỷ lệ tối đa',
  base: 'cơ sở tính',
  scopes: 'phạm vi',
  below: 'tỷ lệ lãnh đạo phải dưới',
  above: 'tỷ lệ không phải lãnh đạo phải trên',
  minCompletesDutiesShare: 'tỷ lệ hoàn thành nhiệm vụ tối thiểu',
  minLdttShare: 'tỷ lệ LĐTT tối thiểu',
  minCstdcs: 'số CSTĐCS tối thiểu',
  minShare: 'tỷ lệ tối thiểu',
  minCount: 'số lượng tối thiểu',
  consecutiveYears: 'số năm liên tục',
  minMonthsInService: 'thời gian công tác tối thiểu (tháng)',
  daysOffExcludedFrom: 'số ngày nghỉ bị loại (từ)',
  excludeDisciplined: 'loại người bị kỷ luật',
};

const BASE_LABELS: Readonly<Record<ShareBase, string>> = {
  ldtt: 'số người LĐTT',
  headcount: 'tổng số người (quân số)',
};

const SCOPE_LABELS: Readonly<Record<QuotaScopeKind, string>> = {
  unit: 'từng đơn vị',
  khoi: 'toàn khối',
};

const isShareBase = (v: unknown): v is ShareBase =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(BASE_LABELS, v);

const isScopeKind = (v: unknown): v is QuotaScopeKind =>
  (QUOTA_SCOPE_KINDS as readonly unknown[]).includes(v);

function describeValue(field: string, value: unknown): string {
  if (SHARE_FIELDS.has(field) && typeof value === 'number') {
    return formatShareUnits(Math.round(value * SCALE));
  }
  if (field === 'base' && isShareBase(value)) return BASE_LABELS[value];
  if (field === 'scopes' && Array.isArray(value)) {
    return value.map((s) => (isScopeKind(s) ? SCOPE_LABELS[s] : String(s))).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const ADJUSTED = 'Khối điều chỉnh: ';

/** The rule settings of a set, without its identity fields. */
function rulesOnly(r: QuotaRuleSet): Plain {
  const out: Plain = { ...r };
  delete out.id;
  delete out.name;
  delete out.basedOn;
  return out;
}

/**
 * Merges an override into one setting. `start` is the preset's setting, or the default
 * preset's one when the preset had switched the rule off (so a bloc can switch a target back on
 * by giving only the numbers it changes).
 */
function mergeSetting(
  start: Plain & Sourced,
  wasOff: boolean,
  over: Plain,
  path: string,
): Plain & Sourced {
  const merged: Plain = { ...structuredClone(start) };
  const changes: string[] = [];
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || key === 'source') continue;
    if (!(key in start)) throw new Error(`Unknown quota setting ${path}.${key}`);
    if (!sameValue(value, start[key])) {
      const label = FIELD_LABELS[key] ?? key;
      changes.push(
        `${label} ${describeValue(key, value)} (mặc định ${describeValue(key, start[key])})`,
      );
    }
    merged[key] = structuredClone(value);
  }
  const ownSource = typeof over.source === 'string' ? over.source.normalize('NFC') : undefined;
  if (changes.length === 0 && ownSource === undefined && !wasOff) {
    return merged as Plain & Sourced;
  }
  const what = [
    ...(ownSource === undefined ? [] : [ownSource]),
    ...(wasOff ? ['bật lại quy tắc mặc định đã tắt'] : []),
    ...changes,
  ];
  merged.source = `${ADJUSTED}${what.join('; ')}. Nguồn mặc định: ${start.source}`;
  return merged as Plain & Sourced;
}

function mergeNode(
  base: unknown,
  over: unknown,
  fallback: unknown,
  path: string,
  changed: { value: boolean },
): unknown {
  if (over === undefined) return structuredClone(base);
  if (isSetting(fallback)) {
    if (over === null) {
      if (base !== null) changed.value = true;
      return null;
    }
    if (!isPlain(over)) throw new Error(`Quota setting ${path} must be an object or null`);
    const wasOff = base === null;
    const start = isSetting(base) ? base : fallback;
    const merged = mergeSetting(start, wasOff, over, path);
    if (!sameValue(merged, base)) changed.value = true;
    return merged;
  }
  if (isPlain(fallback)) {
    if (!isPlain(over) || !isPlain(base)) throw new Error(`Quota group ${path} must be an object`);
    const out: Plain = {};
    for (const key of Object.keys(over)) {
      if (!(key in fallback)) throw new Error(`Unknown quota setting ${path}.${key}`);
    }
    for (const key of Object.keys(fallback)) {
      out[key] = mergeNode(base[key], over[key], fallback[key], `${path}.${key}`, changed);
    }
    return out;
  }
  throw new Error(`Unknown quota setting ${path}`);
}

/**
 * A new rule set: `preset` with the bloc's overrides. Any number (or the base, scopes, a whole
 * rule) can be changed; `null` switches a rule off. The source of every changed setting becomes
 * "Khối điều chỉnh: <what changed, with the default> . Nguồn mặc định: <legal source>" so the
 * user never mistakes a bloc's choice for the legal default; a `source` given in the override
 * (e.g. the bloc's decision number) is quoted first. The result is validated and the preset is
 * not modified.
 */
export function withOverrides(preset: QuotaRuleSet, overrides: QuotaOverrides): QuotaRuleSet {
  const changed = { value: false };
  const { id, name, basedOn, ...rest } = overrides;
  const { id: pid, name: pname, basedOn: pbased, ...presetRules } = preset;
  const merged = mergeNode(presetRules, rest, rulesOnly(DEFAULT_PRESET), 'rules', changed) as Omit<
    QuotaRuleSet,
    'id' | 'name' | 'basedOn'
  >;
  const result: QuotaRuleSet = {
    id: id ?? (changed.value ? `${pid}-khoi-dieu-chinh` : pid),
    name: name ?? (changed.value ? `${pname} — khối điều chỉnh` : pname),
    ...(changed.value || basedOn !== undefined || pbased !== undefined
      ? { basedOn: basedOn ?? pbased ?? pid }
      : {}),
    ...merged,
  };
  const problems = validateRuleSet(result);
  if (problems.length > 0) throw new RangeError(`Invalid quota rules: ${problems.join('; ')}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function checkShare(problems: string[], path: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    problems.push(`${path} must be a share between 0 and 1, got ${String(v)}`);
    return;
  }
  try {
    toShareUnits(v);
  } catch {
    problems.push(`${path} must be a multiple of 1/${SCALE}, got ${v}`);
  }
}

function checkCount(problems: string[], path: string, v: number, min = 0): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    problems.push(`${path} must be an integer ≥ ${min}, got ${String(v)}`);
  }
}

function checkScopes(problems: string[], path: string, v: QuotaScopeKind[]): void {
  if (!Array.isArray(v) || !v.every(isScopeKind)) {
    problems.push(
      `${path} must be a list of ${QUOTA_SCOPE_KINDS.map((k) => `'${k}'`).join(' | ')}`,
    );
  }
}

/** Problems in a rule set (English, for developers); empty when valid. */
export function validateRuleSet(r: QuotaRuleSet): string[] {
  const p: string[] = [];
  const sourced = (path: string, s: Sourced | null): void => {
    if (s !== null && (typeof s.source !== 'string' || s.source.trim() === '')) {
      p.push(`${path}.source must be a non-empty text`);
    }
  };
  if (r.cstdcsShare) {
    checkShare(p, 'cstdcsShare.maxShare', r.cstdcsShare.maxShare);
    if (!isShareBase(r.cstdcsShare.base)) {
      p.push(`cstdcsShare.base must be 'ldtt' or 'headcount'`);
    }
    checkScopes(p, 'cstdcsShare.scopes', r.cstdcsShare.scopes);
  }
  if (r.leaderShare) {
    checkShare(p, 'leaderShare.below', r.leaderShare.below);
    checkScopes(p, 'leaderShare.scopes', r.leaderShare.scopes);
  }
  if (r.nonLeaderShare) {
    checkShare(p, 'nonLeaderShare.above', r.nonLeaderShare.above);
    checkScopes(p, 'nonLeaderShare.scopes', r.nonLeaderShare.scopes);
  }
  if (r.ttldxs) {
    checkShare(p, 'ttldxs.minCompletesDutiesShare', r.ttldxs.minCompletesDutiesShare);
    checkShare(p, 'ttldxs.minLdttShare', r.ttldxs.minLdttShare);
    checkCount(p, 'ttldxs.minCstdcs', r.ttldxs.minCstdcs);
  }
  const t = r.targets;
  if (t.unitsTtldtt) checkShare(p, 'targets.unitsTtldtt.minShare', t.unitsTtldtt.minShare);
  if (t.unitsTtldxs) checkShare(p, 'targets.unitsTtldxs.minShare', t.unitsTtldxs.minShare);
  if (t.provincialCstd) checkCount(p, 'targets.provincialCstd.minCount', t.provincialCstd.minCount);
  if (t.individualsLdtt) {
    checkShare(p, 'targets.individualsLdtt.minShare', t.individualsLdtt.minShare);
  }
  const e = r.eligibility;
  if (e.cstdTinh)
    checkCount(p, 'eligibility.cstdTinh.consecutiveYears', e.cstdTinh.consecutiveYears, 1);
  if (e.cstdToanQuoc) {
    checkCount(p, 'eligibility.cstdToanQuoc.consecutiveYears', e.cstdToanQuoc.consecutiveYears, 1);
  }
  if (r.ldttExclusions) {
    checkCount(p, 'ldttExclusions.minMonthsInService', r.ldttExclusions.minMonthsInService);
    checkCount(p, 'ldttExclusions.daysOffExcludedFrom', r.ldttExclusions.daysOffExcludedFrom, 1);
    if (typeof r.ldttExclusions.excludeDisciplined !== 'boolean') {
      p.push('ldttExclusions.excludeDisciplined must be a boolean');
    }
  }
  if (r.governmentFlag) checkShare(p, 'governmentFlag.maxShare', r.governmentFlag.maxShare);
  sourced('cstdcsShare', r.cstdcsShare);
  sourced('leaderShare', r.leaderShare);
  sourced('nonLeaderShare', r.nonLeaderShare);
  sourced('ttldxs', r.ttldxs);
  sourced('targets.unitsTtldtt', t.unitsTtldtt);
  sourced('targets.unitsTtldxs', t.unitsTtldxs);
  sourced('targets.provincialCstd', t.provincialCstd);
  sourced('targets.individualsLdtt', t.individualsLdtt);
  sourced('eligibility.cstdTinh', e.cstdTinh);
  sourced('eligibility.cstdToanQuoc', e.cstdToanQuoc);
  sourced('ldttExclusions', r.ldttExclusions);
  sourced('governmentFlag', r.governmentFlag);
  return p;
}
