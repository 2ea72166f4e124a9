import {
  type AwardKind,
  type AwardLevel,
  type BlocSettings,
  type ClassificationSettings,
  isQuotaPresetId,
  MODE_LABELS,
  nfc,
  PRESETS,
  type ProposalSettings,
  type QuotaOverrides,
  type RankingMode,
  type RankingSettings,
  awardProblems,
  classNames,
  type SettingsField,
  type SettingsProblem,
  thresholdProblems,
  tieBreakerProblems,
  voteShareProblems,
  type Template,
  TIE_BREAKER_KINDS,
  type TieBreaker,
  withOverrides,
} from '../core';
import type { InputProblem } from './problems';

/**
 * The bloc's settings as a JSON file (`thidua init --settings`, `thidua settings --set`): the
 * object the task pane saves (BlocSettings), with its field names, so `thidua settings --json`
 * prints what `--set` takes. A key left out keeps the current setting; a section given replaces
 * that section. Checked as the task pane's form checks, each problem naming the JSON path.
 */

type Json = unknown;
type Plain = Record<string, Json>;

const SECTIONS = ['classification', 'ranking', 'proposals', 'quotaPreset', 'quotaOverrides'];
const AWARD_KINDS: readonly AwardKind[] = ['flag', 'certificate'];

const isPlain = (v: Json): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: Json) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Reads and checks the settings of `text`, over `base` (the bloc's current settings). */
export function readSettingsJson(
  text: string,
  source: string,
  template: Template,
  base: BlocSettings,
): { settings?: BlocSettings; problems: InputProblem[] } {
  const problem = (path: string, message: string): InputProblem => ({
    source,
    location: path || 'tệp',
    message,
  });
  if (text.includes('\ufffd'))
    return {
      problems: [
        problem(
          '',
          'tệp không phải UTF-8; hãy lưu lại dạng UTF-8 (trong Notepad: Lưu thành › Mã hóa UTF-8).',
        ),
      ],
    };
  let root: Json;
  try {
    root = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { problems: [syntaxProblem(text, source, e)] };
  }
  const read = readSettingsObject(root, template, base);
  return {
    ...(read.settings ? { settings: read.settings } : {}),
    problems: read.problems.map((p) => problem(p.path, p.message)),
  };
}

/** A settings problem at a JSON path ("classification.thresholds[1].min"; '' for the whole). */
export interface SettingsPathProblem {
  path: string;
  message: string;
}

/**
 * Checks a parsed settings object (the JSON file's, or the one the Cấu hình sheet's cells make
 * up) over `base`: its shape here, and the rules every door shares (core settings-rules).
 */
export function readSettingsObject(
  root: Json,
  template: Template,
  base: BlocSettings,
): { settings?: BlocSettings; problems: SettingsPathProblem[] } {
  const problems: SettingsPathProblem[] = [];
  const fail = (path: string, message: string) => {
    problems.push({ path, message });
    return undefined;
  };
  if (!isPlain(root)) {
    fail('', 'phải là một đối tượng JSON { … } với các khóa ' + SECTIONS.join(', ') + '.');
    return { problems };
  }
  const check = new Checker(fail);
  check.known(root, '', SECTIONS);
  const classification =
    'classification' in root
      ? check.classification(root.classification, base.classification)
      : base.classification;
  const ranking = 'ranking' in root ? check.ranking(root.ranking, template) : base.ranking;
  const proposals =
    'proposals' in root
      ? check.proposals(root.proposals, classification ?? base.classification)
      : base.proposals;
  const quotaPreset =
    'quotaPreset' in root ? check.quotaPreset(root.quotaPreset) : base.quotaPreset;
  const overrides =
    'quotaOverrides' in root
      ? check.overrides(root.quotaOverrides, quotaPreset ?? base.quotaPreset)
      : { value: base.quotaOverrides };
  if (problems.length || !classification || !ranking || !proposals || !quotaPreset || !overrides)
    return { problems };
  return {
    problems,
    settings: {
      classification,
      ranking,
      proposals,
      quotaPreset,
      ...(overrides.value ? { quotaOverrides: overrides.value } : {}),
    },
  };
}

/** Where a setting is in the JSON. */
function fieldPath(field: SettingsField): string {
  switch (field.kind) {
    case 'thresholds':
      return 'classification.thresholds';
    case 'threshold-min':
      return `classification.thresholds[${field.index}].min`;
    case 'threshold-label':
      return `classification.thresholds[${field.index}].label`;
    case 'tie-breaker':
      return `ranking.tieBreakers[${field.index}]`;
    case 'tie-breaker-subtree':
      return `ranking.tieBreakers[${field.index}].subtree`;
    case 'award-count':
      return `proposals.levels[${field.index}].count`;
    case 'award-class':
      return `proposals.levels[${field.index}].classes[${field.class}]`;
    case 'vote-share':
      return 'proposals.requiredVoteShare';
  }
}

/** The JSON `readSettingsJson` takes, as `thidua settings --json` prints it. */
export function settingsJson(settings: BlocSettings): string {
  return JSON.stringify(settings, null, 2) + '\n';
}

/** A JSON syntax error, with the line where the parser stopped when it says where. */
function syntaxProblem(text: string, source: string, e: unknown): InputProblem {
  const at = /position (\d+)/.exec(String((e as Error).message));
  const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
  return {
    source,
    location: line ? `dòng ${line}` : 'tệp',
    message:
      'không phải JSON hợp lệ (thiếu dấu phẩy, ngoặc, hoặc chuỗi không đặt trong dấu nháy kép?).',
  };
}

class Checker {
  constructor(private readonly fail: (path: string, message: string) => undefined) {}

  /** Refuses keys the schema does not have: a typo would otherwise be ignored silently. */
  known(v: Plain, path: string, keys: readonly string[]) {
    for (const k of Object.keys(v))
      if (!keys.includes(k))
        this.fail(join(path, k), `không có khóa này (các khóa: ${keys.join(', ')}).`);
  }

  /** The shared rules' problems, each at its setting's path. */
  rules(problems: readonly SettingsProblem[]) {
    for (const p of problems) this.fail(fieldPath(p.field), p.message);
  }

  object(v: Json, path: string, keys: readonly string[]): Plain | undefined {
    if (!isPlain(v)) return this.fail(path, 'phải là một đối tượng JSON { … }.');
    this.known(v, path, keys);
    return v;
  }

  array(v: Json, path: string): Json[] | undefined {
    return Array.isArray(v) ? v : this.fail(path, 'phải là một danh sách [ … ].');
  }

  text(v: Json, path: string): string | undefined {
    if (typeof v !== 'string' || v.trim() === '')
      return this.fail(path, `phải là chuỗi chữ khác rỗng, không phải ${describe(v)}.`);
    return nfc(v.trim());
  }

  number(v: Json, path: string): number | undefined {
    if (typeof v !== 'number')
      return this.fail(
        path,
        `phải là số (viết 91.5, không đặt trong dấu nháy), không phải ${describe(v)}.`,
      );
    return v;
  }

  oneOf<T extends string>(v: Json, path: string, allowed: readonly T[]): T | undefined {
    return allowed.includes(v as T)
      ? (v as T)
      : this.fail(path, `${describe(v)} không hợp lệ (dùng: ${allowed.join(', ')}).`);
  }

  classification(v: Json, base: ClassificationSettings): ClassificationSettings | undefined {
    const path = 'classification';
    const o = this.object(v, path, ['thresholds', 'fallback', 'notClassified']);
    if (!o) return undefined;
    const list = this.array(o.thresholds, `${path}.thresholds`);
    const thresholds = (list ?? []).map((t, i) => {
      const at = `${path}.thresholds[${i}]`;
      const ot = this.object(t, at, ['label', 'min']);
      if (!ot) return undefined;
      const label = this.text(ot.label, `${at}.label`);
      const min = this.number(ot.min, `${at}.min`);
      return label === undefined || min === undefined ? undefined : { label, min };
    });
    // A list that is not one has its own problem; an empty one is the rules' to refuse.
    if (list) this.rules(thresholdProblems(thresholds));
    const fallback = 'fallback' in o ? this.text(o.fallback, `${path}.fallback`) : base.fallback;
    const notClassified =
      'notClassified' in o
        ? this.text(o.notClassified, `${path}.notClassified`)
        : base.notClassified;
    if (!list || thresholds.some((t) => !t) || !fallback || !notClassified) return undefined;
    return {
      thresholds: thresholds as ClassificationSettings['thresholds'],
      fallback,
      notClassified,
    };
  }

  ranking(v: Json, template: Template): RankingSettings | undefined {
    const path = 'ranking';
    const o = this.object(v, path, ['mode', 'tieBreakers']);
    if (!o) return undefined;
    const mode = this.oneOf(o.mode, `${path}.mode`, Object.keys(MODE_LABELS) as RankingMode[]);
    const list = 'tieBreakers' in o ? this.array(o.tieBreakers, `${path}.tieBreakers`) : [];
    const tieBreakers = (list ?? []).map((t, i) => this.tieBreaker(t, `${path}.tieBreakers[${i}]`));
    this.rules(tieBreakerProblems(tieBreakers, template));
    if (!mode || !list || tieBreakers.some((t) => !t)) return undefined;
    return { mode, tieBreakers: tieBreakers as TieBreaker[] };
  }

  private tieBreaker(v: Json, path: string): TieBreaker | undefined {
    const o = this.object(v, path, ['kind', 'subtree']);
    if (!o) return undefined;
    const kind = this.oneOf(o.kind, `${path}.kind`, TIE_BREAKER_KINDS);
    if (kind !== 'higher-base') {
      if ('subtree' in o) this.fail(`${path}.subtree`, 'chỉ dùng với kind "higher-base".');
      return kind ? ({ kind } as TieBreaker) : undefined;
    }
    const subtree = this.text(o.subtree, `${path}.subtree`);
    return subtree ? { kind, subtree } : undefined;
  }

  proposals(v: Json, classification: ClassificationSettings): ProposalSettings | undefined {
    const path = 'proposals';
    const o = this.object(v, path, ['levels', 'requiredVoteShare']);
    if (!o) return undefined;
    const list = this.array(o.levels, `${path}.levels`);
    const levels = (list ?? []).map((l, i) => this.level(l, `${path}.levels[${i}]`));
    const share =
      'requiredVoteShare' in o && o.requiredVoteShare !== null
        ? this.number(o.requiredVoteShare, `${path}.requiredVoteShare`)
        : null;
    this.rules([
      ...awardProblems(levels, classNames(classification)),
      ...voteShareProblems(share ?? undefined).map((p) => ({
        ...p,
        message: `${p.message} Viết dạng phần của 1: 0.8 là 80%.`,
      })),
    ]);
    const whole = levels.filter(
      (l): l is LevelDraft & AwardLevel =>
        !!l?.kind && !!l.label && l.count !== undefined && !!l.classes?.every((c) => c),
    );
    if (!list || whole.length < levels.length || share === undefined) return undefined;
    return {
      levels: whole,
      ...(share !== null ? { requiredVoteShare: share } : {}),
    };
  }

  private level(v: Json, path: string): LevelDraft | undefined {
    const o = this.object(v, path, ['kind', 'label', 'count', 'classes']);
    if (!o) return undefined;
    const kind = this.oneOf(o.kind, `${path}.kind`, AWARD_KINDS);
    const label = this.text(o.label, `${path}.label`);
    const count = this.number(o.count, `${path}.count`);
    const list = this.array(o.classes, `${path}.classes`);
    const named = (list ?? []).map((c, i) => this.text(c, `${path}.classes[${i}]`));
    return { kind, label, count, classes: list ? named : undefined };
  }

  quotaPreset(v: Json): BlocSettings['quotaPreset'] | undefined {
    return typeof v === 'string' && isQuotaPresetId(v)
      ? v
      : this.fail(
          'quotaPreset',
          `không có bộ quy tắc ${describe(v)} (dùng: ${Object.keys(PRESETS).join(', ')}).`,
        );
  }

  /** The overrides as the quota checks will apply them: applied once here, so they are known good. */
  overrides(v: Json, preset: BlocSettings['quotaPreset']): { value?: QuotaOverrides } | undefined {
    if (v === null) return {};
    if (!isPlain(v))
      return this.fail('quotaOverrides', 'phải là một đối tượng JSON { … } hoặc null.');
    try {
      withOverrides(PRESETS[preset], v as QuotaOverrides);
      return { value: v as QuotaOverrides };
    } catch (e) {
      return this.fail(
        'quotaOverrides',
        `điều chỉnh bộ quy tắc ${preset} không hợp lệ: ${quotaProblem((e as Error).message)}. Các khóa và giá trị: docs/quota-rules.md.`,
      );
    }
  }
}

/**
 * The rule set's own checks (core/quota/rules.ts) name the wrong setting by its path, in English
 * for developers; the common shapes are said in Vietnamese, with the path as in the JSON.
 */
function quotaProblem(message: string): string {
  const said: [RegExp, string][] = [
    [/^Invalid quota rules: /, ''],
    [/Unknown quota setting rules\.(\S+)/g, 'không có mục quotaOverrides.$1'],
    [
      /Quota (?:setting|group) rules\.(\S+) must be an object or null/g,
      '$1 phải là đối tượng { … } hoặc null',
    ],
    [/Quota (?:setting|group) rules\.(\S+) must be an object/g, '$1 phải là đối tượng { … }'],
    [
      /(\S+) must be a share between 0 and 1, got ([^\s;]+)/g,
      '$1 phải là tỷ lệ từ 0 đến 1, không phải $2',
    ],
    [/(\S+) must be a multiple of 1\/(\d+), got ([^\s;]+)/g, '$1 có quá 4 chữ số thập phân ($3)'],
    [
      /(\S+) must be an integer ≥ (\d+), got ([^\s;]+)/g,
      '$1 phải là số nguyên ≥ $2, không phải $3',
    ],
    [/(\S+) must be 'ldtt' or 'headcount'/g, "$1 phải là 'ldtt' hoặc 'headcount'"],
    [/(\S+) must be a list of (.+?)(?=;|$)/g, '$1 phải là danh sách gồm $2'],
    [/(\S+) must be a boolean/g, '$1 phải là true hoặc false'],
    [/(\S+) must be a non-empty text/g, '$1 phải là chuỗi chữ khác rỗng'],
  ];
  return said.reduce((m, [english, vietnamese]) => m.replace(english, vietnamese), message);
}

/** An award level as far as it parsed. */
type LevelDraft = Partial<Omit<AwardLevel, 'classes'>> & { classes?: (string | undefined)[] };

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
