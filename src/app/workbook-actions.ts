import {
  evaluateBloc,
  type Bloc,
  type BlocResult,
  type BlocSettings,
  type Submission,
  type Unit,
} from '../core/bloc';
import type { Finding } from '../core/finding';
import {
  PRESETS,
  runQuotaChecks,
  withOverrides,
  type Collective,
  type Person,
  type QuotaCheck,
  type QuotaRuleSet,
} from '../core/quota';
import type { UnitSheet } from '../core/scoring/types';
import { compileTemplate, TemplateError, type CompiledTemplate } from '../core/template/compile';
import { buildConfigSheet, readConfigSheet } from '../workbook/config-sheet';
import {
  buildMatrixSheet,
  buildQuotaSheet,
  buildRankingSheet,
  buildWarningsSheet,
  isGeneratedSheet,
  refuseOverwrite,
} from '../workbook/generated-sheets';
import type { SheetData, SheetSpec, WorkbookPort } from '../workbook/grid';
import { address, parseAddress } from '../workbook/grid';
import { GENERATED_SHEETS, sheetFinder, SHEETS } from '../workbook/layout';
import { buildPeopleSheet, readPeopleSheet } from '../workbook/people-sheet';
import { InputError, type InputProblem } from '../workbook/problems';
import { buildUnitSheet, readUnitSheet, UNIT, unitSheetName } from '../workbook/unit-sheet';

/** Everything a workbook holds, read in one batch. */
export interface WorkbookState {
  bloc: Bloc;
  compiled: CompiledTemplate;
  sheets: UnitSheet[];
  submissions: Submission[];
  votes: Map<string, number>;
  people: Person[];
  collectives: Collective[];
  /** The generated sheets as they are now (to tell thidua's from a person's). */
  generated: SheetData[];
}

/** Creates the standard sheets for a bloc: configuration, one sheet per unit, the people list. */
export function planNewWorkbook(
  bloc: Bloc,
  data: {
    sheets?: readonly UnitSheet[];
    submissions?: readonly Submission[];
    people?: Person[];
    collectives?: Collective[];
  } = {},
): SheetSpec[] {
  const compiled = compileTemplate(bloc.template);
  const sheetOf = new Map((data.sheets ?? []).map((s) => [s.unitCode, s]));
  const submissionOf = new Map((data.submissions ?? []).map((s) => [s.unitCode, s]));
  const votes = new Map(
    (data.submissions ?? []).flatMap((s) =>
      s.vote === undefined ? [] : [[s.unitCode, s.vote] as const],
    ),
  );
  return [
    buildConfigSheet(bloc, votes),
    ...bloc.units.map((unit) => {
      const sheet = sheetOf.get(unit.code);
      const submission = submissionOf.get(unit.code);
      return buildUnitSheet({
        bloc,
        compiled,
        unit,
        ...(sheet ? { sheet } : {}),
        ...(submission ? { submission } : {}),
      });
    }),
    buildPeopleSheet(bloc, data.people ?? [], data.collectives ?? []),
  ];
}

export async function createWorkbook(
  port: WorkbookPort,
  ...args: Parameters<typeof planNewWorkbook>
): Promise<void> {
  const plan = planNewWorkbook(...args);
  refuseExistingSheets((await port.read([])).sheetNames, plan);
  await port.write({ replace: plan, update: [] });
}

/**
 * Writes the bloc's settings into the configuration sheet, the votes kept: the task pane's "Lưu
 * cài đặt" and `thidua settings --set`. The next ranking uses them.
 */
export async function saveSettings(
  port: WorkbookPort,
  state: Pick<WorkbookState, 'bloc' | 'votes'>,
  settings: BlocSettings,
): Promise<void> {
  const bloc = { ...state.bloc, settings };
  await port.write({ replace: [buildConfigSheet(bloc, state.votes)], update: [] });
}

/**
 * Adds units to a bloc already set up: the configuration lists them after the others and each
 * gets its empty sheet (placed after the existing sheets). The configuration is read afresh, not
 * taken from the pane's last read, so that a co-author's change since then is kept. The other
 * sheets are not touched; the generated sheets take the new units in at the next ranking.
 */
export async function addUnits(port: WorkbookPort, units: readonly Unit[]): Promise<void> {
  const config = await readBlocConfig(port);
  const bloc = { ...config.bloc, units: [...config.bloc.units, ...units] };
  const sheets = units.map((unit) => buildUnitSheet({ bloc, compiled: config.compiled, unit }));
  refuseExistingSheets(config.sheetNames, sheets);
  await port.write({ replace: [buildConfigSheet(bloc, config.votes), ...sheets], update: [] });
}

/** New sheets never replace one already there (Excel's sheet names ignore case). */
function refuseExistingSheets(sheetNames: readonly string[], plan: readonly SheetSpec[]) {
  const exists = sheetFinder(sheetNames);
  const clash = plan.filter((s) => exists(s.name));
  if (clash.length)
    throw new InputError(
      clash.map((s) => ({
        source: s.name,
        location: 'trang tính',
        message: 'sổ tính đã có trang này; không ghi đè dữ liệu đã nhập.',
      })),
    );
}

/** The configuration read back and compiled, from sheet data already read. */
function blocFromConfig(sheetNames: readonly string[], configData: SheetData | undefined) {
  if (!configData)
    throw new InputError([
      {
        source: SHEETS.config,
        location: 'sổ tính',
        message:
          'không có trang cấu hình: đây không phải sổ tính thidua, hoặc trang đã bị xóa/đổi tên.',
      },
    ]);
  const config = readConfigSheet(configData);
  if (!config.bloc) throw new InputError(config.problems);
  try {
    return {
      bloc: config.bloc,
      compiled: compileTemplate(config.bloc.template),
      votes: config.votes,
      sheetNames,
    };
  } catch (e) {
    if (e instanceof TemplateError)
      throw new InputError(
        e.findings.filter((f) => f.severity === 'error').map((f) => templateProblem(f)),
      );
    throw e;
  }
}

/** Reads the bloc from the configuration sheet and compiles its template (one read). */
export async function readBlocConfig(port: WorkbookPort) {
  const { sheetNames, sheets } = await port.read([SHEETS.config]);
  return blocFromConfig(sheetNames, sheets[0]);
}

/** Where a unit sheet renamed by someone went: the sheet whose unit-code cell holds the code. */
function renamedTo(code: string, others: readonly SheetData[]): string | undefined {
  const { row, column } = parseAddress(UNIT_CODE_CELL);
  return others.find((d) => d.values[row - 1]?.[column - 1] === code)?.name;
}
const UNIT_CODE_CELL = address(UNIT.unitRow, UNIT.unitCodeCol);

/**
 * Reads the configuration, every unit sheet, the people list and the generated sheets, in two
 * reads whatever the bloc size; every problem is collected before anything is reported.
 */
export async function readWorkbook(port: WorkbookPort): Promise<WorkbookState> {
  const first = await port.read([SHEETS.config, SHEETS.people, ...GENERATED_SHEETS]);
  const { bloc, compiled, votes, sheetNames } = blocFromConfig(
    first.sheetNames,
    first.sheets.find((d) => d.name === SHEETS.config),
  );
  const problems: InputProblem[] = [];
  const unitNames = bloc.units.map((u) => unitSheetName(u.code));
  const exists = sheetFinder(sheetNames);
  const missing = bloc.units.filter((u) => !exists(unitSheetName(u.code)));
  const known = sheetFinder([SHEETS.config, SHEETS.people, ...GENERATED_SHEETS, ...unitNames]);
  const others = missing.length ? sheetNames.filter((n) => !known(n)) : [];
  const second = await port.read([...unitNames.filter(exists), ...others]);
  for (const u of missing) {
    const moved = renamedTo(
      u.code,
      second.sheets.filter((d) => others.includes(d.name)),
    );
    problems.push({
      source: unitSheetName(u.code),
      location: 'trang tính',
      message: moved
        ? `không có trang của đơn vị ${u.name} (${u.code}); trang "${moved}" có mã ${u.code} ở ô ${UNIT_CODE_CELL}, có lẽ đã bị đổi tên: hãy đặt lại tên "${unitSheetName(u.code)}".`
        : `không có trang của đơn vị ${u.name} (${u.code}): trang đã bị xóa hoặc đổi tên; hãy đặt lại tên "${unitSheetName(u.code)}".`,
    });
  }
  const sheets: UnitSheet[] = [];
  const submissions: Submission[] = [];
  for (const data of second.sheets) {
    const unit = bloc.units.find((u) => unitSheetName(u.code) === data.name);
    if (!unit) continue;
    const read = readUnitSheet(data, { compiled, unit });
    problems.push(...read.problems);
    sheets.push(read.sheet);
    submissions.push({
      ...read.submission,
      ...(votes.has(unit.code) ? { vote: votes.get(unit.code)! } : {}),
    });
  }
  const peopleData = first.sheets.find((d) => d.name === SHEETS.people);
  const people = peopleData
    ? readPeopleSheet(peopleData, bloc)
    : { people: [], collectives: [], problems: [] };
  problems.push(...people.problems);
  if (problems.length) throw new InputError(problems);
  return {
    bloc,
    compiled,
    sheets,
    submissions,
    votes,
    people: people.people,
    collectives: people.collectives,
    generated: first.sheets.filter((d) => GENERATED_SHEETS.includes(d.name)),
  };
}

function templateProblem(f: Finding): InputProblem {
  return {
    source: SHEETS.config,
    location: 'bảng Tiêu chí',
    ...(f.code ? { code: f.code } : {}),
    message: f.message,
  };
}

export function quotaRules(bloc: Bloc): QuotaRuleSet {
  // The id is a QuotaPresetId: the configuration sheet's reader refuses any other.
  const preset = PRESETS[bloc.settings.quotaPreset];
  return bloc.settings.quotaOverrides
    ? withOverrides(preset, bloc.settings.quotaOverrides)
    : preset;
}

export interface RankOutcome {
  state: WorkbookState;
  result: BlocResult;
  checks: QuotaCheck[];
}

export function evaluateState(state: WorkbookState): RankOutcome {
  const result = evaluateBloc(state.bloc, state.sheets, state.submissions, state.compiled);
  const rules = quotaRules(state.bloc);
  const checks = runQuotaChecks({
    year: state.bloc.year,
    people: state.people,
    collectives: state.collectives,
    rules,
    unitCodes: state.bloc.units.map((u) => u.code),
  });
  return { state, result, checks };
}

/** The generated sheets for a ranking, in their tab order. */
export function planGeneratedSheets(outcome: RankOutcome): SheetSpec[] {
  const { state, result, checks } = outcome;
  return [
    buildRankingSheet(state.bloc, state.compiled, result, state.votes),
    buildQuotaSheet(state.bloc, checks, quotaRules(state.bloc).name),
    buildMatrixSheet(state.bloc, state.compiled, result),
    buildWarningsSheet(state.bloc, state.compiled, result),
  ];
}

/**
 * Reads, scores and ranks the bloc and rebuilds the generated sheets whole, in one write. Unit
 * sheets are not touched. A sheet with a generated name that thidua did not make is never replaced.
 */
export async function rankWorkbook(port: WorkbookPort): Promise<RankOutcome> {
  const state = await readWorkbook(port);
  const outcome = evaluateState(state);
  const foreign = state.generated.filter((d) => !isGeneratedSheet(d));
  if (foreign.length) throw new InputError(foreign.map(refuseOverwrite));
  await port.write({ replace: planGeneratedSheets(outcome), update: [] });
  return outcome;
}
