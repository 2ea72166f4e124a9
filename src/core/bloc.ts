import { classify, DEFAULT_CLASSIFICATION, type ClassificationSettings } from './award/classify';
import {
  DEFAULT_PROPOSALS,
  proposeAwards,
  type Proposal,
  type ProposalSettings,
} from './award/proposals';
import type { Finding } from './finding';
import {
  DEFAULT_RANKING,
  rankUnits,
  type RankedUnit,
  type RankingSettings,
  type TieReport,
} from './ranking/rank';
import type { QuotaOverrides, QuotaPresetId } from './quota/rules';
import { scoreUnit, type UnitScore } from './scoring/score';
import type { UnitSheet } from './scoring/types';
import { compileTemplate, type CompiledTemplate } from './template/compile';
import type { Template } from './template/types';
import { compareVietnamese, nfc } from './text/vietnamese';

export type UnitRole = 'truong-khoi' | 'pho-truong-khoi' | 'thanh-vien';
export const ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  'truong-khoi': 'Trưởng khối',
  'pho-truong-khoi': 'Phó trưởng khối',
  'thanh-vien': 'Thành viên',
};

export type Round = 'dot-1' | 'dot-2' | 'ca-nam';
export const ROUND_LABELS: Readonly<Record<Round, string>> = {
  'dot-1': 'Đợt 1 (sơ kết)',
  'dot-2': 'Đợt 2 (tổng kết)',
  'ca-nam': 'Cả năm',
};

export interface Unit {
  code: string;
  name: string;
  role: UnitRole;
}

/** Where a unit's sheet stands in the year's workflow. */
export type SheetStatus = 'chua-nop' | 'da-nop' | 'da-tham-dinh';
export const STATUS_LABELS: Readonly<Record<SheetStatus, string>> = {
  'chua-nop': 'Chưa nộp',
  'da-nop': 'Đã nộp',
  'da-tham-dinh': 'Đã thẩm định',
};

const STATUS_BY_TEXT = new Map<string, SheetStatus>(
  (Object.entries(STATUS_LABELS) as [SheetStatus, string][]).flatMap(([status, label]) => [
    [label.toLowerCase(), status],
    [status, status],
  ]),
);

/** A status as people write it ("Đã thẩm định", "đã thẩm định") or its id ("da-tham-dinh"). */
export function parseStatus(text: string): SheetStatus | undefined {
  return STATUS_BY_TEXT.get(nfc(text).toLowerCase());
}

/** A unit's submission record: status, date and, when the bloc voted, the approval share. */
export interface Submission {
  unitCode: string;
  status: SheetStatus;
  /** ISO date (YYYY-MM-DD). */
  submittedAt?: string;
  /** Share of approving votes, 0..1. */
  vote?: number;
}

export interface BlocSettings {
  classification: ClassificationSettings;
  ranking: RankingSettings;
  proposals: ProposalSettings;
  /** Quota preset id (see core/quota) and the bloc's overrides of its numbers. */
  quotaPreset: QuotaPresetId;
  quotaOverrides?: QuotaOverrides;
}

export const DEFAULT_SETTINGS: BlocSettings = {
  classification: DEFAULT_CLASSIFICATION,
  ranking: DEFAULT_RANKING,
  proposals: DEFAULT_PROPOSALS,
  quotaPreset: 'mac-dinh',
};

export interface Bloc {
  name: string;
  year: number;
  round: Round;
  units: Unit[];
  template: Template;
  settings: BlocSettings;
}

export interface UnitResult {
  unit: Unit;
  score: UnitScore;
  ranked: RankedUnit;
  classification: string;
  proposal: Proposal;
}

export interface BlocResult {
  /** In listing order: ranked units by rank, then units not classified. */
  units: UnitResult[];
  ties: TieReport[];
  /** Template warnings and bloc-level problems (units without a sheet, sheets of unknown units). */
  findings: Finding[];
}

/** Scores, ranks, classifies and proposes a whole bloc. Pure: same input, same output. */
export function evaluateBloc(
  bloc: Bloc,
  sheets: readonly UnitSheet[],
  submissions: readonly Submission[] = [],
  compiled: CompiledTemplate = compileTemplate(bloc.template),
): BlocResult {
  const findings: Finding[] = [...compiled.findings];
  const sheetOf = new Map<string, UnitSheet>();
  for (const s of sheets) {
    if (!bloc.units.some((u) => u.code === s.unitCode))
      findings.push({
        kind: 'unknown-unit',
        severity: 'error',
        message: `Bảng chấm của đơn vị "${s.unitCode}" không thuộc danh sách đơn vị của khối.`,
      });
    else if (sheetOf.has(s.unitCode))
      findings.push({
        kind: 'duplicate-unit',
        severity: 'error',
        message: `Đơn vị "${s.unitCode}" có hai bảng chấm điểm.`,
      });
    else sheetOf.set(s.unitCode, s);
  }
  const submissionOf = new Map(submissions.map((s) => [s.unitCode, s]));
  findings.push(...provisionalFindings(bloc.units, submissionOf));
  const subtreeCodes = bloc.settings.ranking.tieBreakers.flatMap((t) =>
    t.kind === 'higher-base' ? [t.subtree] : [],
  );
  const scores = new Map<string, UnitScore>();
  const entries = bloc.units.map((unit) => {
    const score = scoreUnit(
      compiled,
      sheetOf.get(unit.code) ?? { unitCode: unit.code, entries: {} },
    );
    scores.set(unit.code, score);
    const sub = submissionOf.get(unit.code);
    return {
      unitCode: unit.code,
      name: unit.name,
      total: score.verified.total,
      penalty: score.verified.penalty,
      knockedOut: score.knockedOut,
      subtreeBase: Object.fromEntries(
        subtreeCodes.map((code) => [code, score.node(code).earnedBase]),
      ),
      ...(sub?.submittedAt ? { submittedAt: sub.submittedAt } : {}),
      ...(sub?.vote !== undefined ? { vote: sub.vote } : {}),
    };
  });
  const ranking = rankUnits(entries, bloc.settings.ranking);
  const classes = new Map(
    ranking.units.map((r) => [
      r.unitCode,
      classify(r.total, r.knockedOut, bloc.settings.classification),
    ]),
  );
  const proposals = proposeAwards(
    ranking.units,
    (code) => classes.get(code)!,
    bloc.settings.proposals,
  );
  const unitOf = new Map(bloc.units.map((u) => [u.code, u]));
  return {
    units: ranking.units.map((ranked, i) => ({
      unit: unitOf.get(ranked.unitCode)!,
      score: scores.get(ranked.unitCode)!,
      ranked,
      classification: classes.get(ranked.unitCode)!,
      proposal: proposals[i]!,
    })),
    ties: ranking.ties,
    findings,
  };
}

/**
 * A unit whose sheet the bloc has not verified is still ranked, on the numbers there are, but its
 * rank and class may change: each such unit is named, with its status. Units without a submission
 * record (no status known) are left alone.
 */
function provisionalFindings(
  units: readonly Unit[],
  submissionOf: ReadonlyMap<string, Submission>,
): Finding[] {
  return units.flatMap((u) => {
    const status = submissionOf.get(u.code)?.status;
    if (status === undefined || status === 'da-tham-dinh') return [];
    const why =
      status === 'chua-nop' ? 'chưa nộp bảng chấm' : 'đã nộp bảng chấm nhưng khối chưa thẩm định';
    return [
      {
        kind: 'not-verified',
        severity: 'warning' as const,
        unitCode: u.code,
        message: `${u.name} (${u.code}) ${why}: hạng và xếp loại của đơn vị là tạm tính.`,
      },
    ];
  });
}

/** Units in Vietnamese alphabetical order of their names, for pickers and listings. */
export function unitsByName(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => compareVietnamese(a.name, b.name));
}
