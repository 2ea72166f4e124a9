import type { Bloc, BlocSettings, Round, Unit, UnitRole } from '../core/bloc';
import { DEFAULT_SETTINGS, ROLE_LABELS, ROUND_LABELS } from '../core/bloc';
import type { Caps, Template } from '../core/template/types';
import { nfc } from '../core/text/vietnamese';
import { CRITERIA_COLUMNS, rowsToCriteria, templateToRows } from './criteria-table';
import type { CellSpec, CellValue, ReadValue, SheetData, SheetSpec } from './grid';
import { address, emptySheet } from './grid';
import { FORMAT_VERSION, SHEETS, TABLES } from './layout';
import type { InputProblem } from './problems';
import { readSettingsObject } from './settings-json';
import { withRowHeights } from './row-heights';
import { headerStyle } from './styles';

/**
 * The configuration sheet: the bloc, its units and its criteria template, as three tables a person
 * can read. The workbook describes itself: any copy can be scored without another file.
 */
const SETTINGS_HEADER = ['Khóa', 'Giá trị', 'Ý nghĩa'];
const UNITS_HEADER = ['ma', 'ten', 'vai_tro', 'bieu_quyet'];
const SETTINGS_ROW = 3;

type Setting = [key: string, value: CellValue, meaning: string];

function settingsRows(bloc: Bloc): Setting[] {
  const caps = bloc.template.caps ?? {};
  return [
    ['phien_ban', FORMAT_VERSION, 'Phiên bản định dạng sổ tính thidua'],
    ['ten_khoi', bloc.name, 'Tên khối/cụm thi đua'],
    ['nam', bloc.year, 'Năm thi đua'],
    [
      'dot',
      bloc.round,
      `Đợt: ${Object.entries(ROUND_LABELS)
        .map(([k, v]) => `${k} = ${v}`)
        .join('; ')}`,
    ],
    ['ten_bang_cham', bloc.template.title, 'Tên bảng chấm điểm'],
    ['tong_diem_chuan', bloc.template.declaredTotal, 'Tổng điểm chuẩn công bố'],
    ['tran_cong_ca_bang', caps.bonus ?? null, 'Trần điểm thưởng toàn bảng (trống = không có)'],
    ['tran_tru_ca_bang', caps.penalty ?? null, 'Trần điểm trừ toàn bảng'],
    ['tran_tong_ca_bang', caps.net ?? null, 'Trần cộng/trừ gộp toàn bảng'],
    ['xep_loai', JSON.stringify(bloc.settings.classification), 'Ngưỡng xếp loại'],
    [
      'xep_hang',
      JSON.stringify(bloc.settings.ranking),
      'Cách xếp hạng và tiêu chí phụ khi bằng điểm',
    ],
    [
      'de_nghi',
      JSON.stringify(bloc.settings.proposals),
      'Số suất Cờ thi đua, Bằng khen; tỷ lệ biểu quyết',
    ],
    [
      'bo_quy_tac_ty_le',
      bloc.settings.quotaPreset,
      'Bộ quy tắc tỷ lệ khen thưởng (mac-dinh, quan-doi, dan-quan-tu-ve)',
    ],
    [
      'dieu_chinh_ty_le',
      bloc.settings.quotaOverrides ? JSON.stringify(bloc.settings.quotaOverrides) : null,
      'Khối điều chỉnh số liệu của bộ quy tắc (JSON)',
    ],
  ];
}

/** Where each table starts, for a bloc of this size. */
function positions(bloc: Bloc) {
  const settings = SETTINGS_ROW;
  const units = settings + settingsRows(bloc).length + 3;
  const criteria = units + bloc.units.length + 3;
  return { settings, units, criteria };
}

export function buildConfigSheet(
  bloc: Bloc,
  votes: ReadonlyMap<string, number> = new Map(),
): SheetSpec {
  const spec = emptySheet(SHEETS.config, 'config');
  const pos = positions(bloc);
  const rows: CellSpec[][] = [];
  const put = (row: number, values: CellValue[]) => (rows[row - 1] = values.map((v) => ({ v })));
  put(1, [
    'CẤU HÌNH KHỐI THI ĐUA — do thidua quản lý; sửa qua add-in hoặc lệnh thidua, không sửa tay',
  ]);
  put(pos.settings - 1, ['Cài đặt']);
  put(pos.settings, SETTINGS_HEADER);
  settingsRows(bloc).forEach((r, i) => put(pos.settings + 1 + i, r));
  put(pos.units - 1, ['Đơn vị thành viên']);
  put(pos.units, UNITS_HEADER);
  bloc.units.forEach((u, i) =>
    put(pos.units + 1 + i, [u.code, u.name, u.role, votes.get(u.code) ?? null]),
  );
  put(pos.criteria - 1, ['Tiêu chí chấm điểm']);
  put(pos.criteria, [...CRITERIA_COLUMNS]);
  templateToRows(bloc.template).forEach((r, i) => put(pos.criteria + 1 + i, r));
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  spec.cells = rows;
  const lastSettings = pos.settings + settingsRows(bloc).length;
  spec.tables = [
    { name: TABLES.settings, range: `A${pos.settings}:C${lastSettings}` },
    { name: TABLES.units, range: `A${pos.units}:D${pos.units + Math.max(1, bloc.units.length)}` },
    {
      name: TABLES.criteria,
      range: `A${pos.criteria}:${address(pos.criteria + Math.max(1, bloc.template.criteria.length), CRITERIA_COLUMNS.length)}`,
    },
  ];
  const headerRow = (row: number, columns: number) =>
    headerStyle(`A${row}:${address(row, columns)}`);
  spec.styles = [
    { range: 'A1', bold: true, fontSize: 14 },
    { range: `A${pos.settings - 1}`, bold: true, fontSize: 13 },
    { range: `A${pos.units - 1}`, bold: true, fontSize: 13 },
    { range: `A${pos.criteria - 1}`, bold: true, fontSize: 13 },
    headerRow(pos.settings, SETTINGS_HEADER.length),
    headerRow(pos.units, UNITS_HEADER.length),
    headerRow(pos.criteria, CRITERIA_COLUMNS.length),
  ];
  spec.columnWidths = [18, 40, 40, 12, 12, 10, 10, 10, 10, 14, 12, 12, 10, 30];
  spec.protect = true;
  spec.hidden = true;
  spec.print = { landscape: true, fitToWidth: true };
  return withRowHeights(spec);
}

const str = (v: ReadValue | undefined): string =>
  v === null || v === undefined || typeof v === 'object' ? '' : nfc(String(v));

function findRow(data: SheetData, test: (row: readonly ReadValue[]) => boolean): number {
  return data.values.findIndex((row) => test(row ?? []));
}

/** Rows below a header, up to the first blank row. */
function tableBelow(data: SheetData, headerRow: number): ReadValue[][] {
  const out: ReadValue[][] = [];
  for (let r = headerRow; r < data.values.length; r++) {
    const row = data.values[r] ?? [];
    if (r > headerRow && row.every((v) => v === null || v === '' || v === undefined)) break;
    out.push([...row]);
  }
  return out;
}

/** Reads the bloc back from the configuration sheet; problems name the cell. */
export function readConfigSheet(data: SheetData): {
  bloc?: Bloc;
  votes: Map<string, number>;
  problems: InputProblem[];
} {
  const problems: InputProblem[] = [];
  const votes = new Map<string, number>();
  const fail = (row: number, col: number, message: string) =>
    problems.push({ source: data.name, location: `ô ${address(row + 1, col + 1)}`, message });
  const settingsAt = findRow(data, (r) => str(r[0]) === SETTINGS_HEADER[0]);
  const unitsAt = findRow(data, (r) => str(r[0]) === 'ma' && str(r[1]) === 'ten');
  const criteriaAt = findRow(data, (r) => str(r[0]) === 'ma' && str(r[1]) === 'ma_cha');
  if (settingsAt < 0 || unitsAt < 0 || criteriaAt < 0) {
    problems.push({
      source: data.name,
      location: 'trang tính',
      message:
        'không tìm thấy đủ ba bảng Cài đặt, Đơn vị, Tiêu chí: trang cấu hình đã bị sửa hoặc không phải của thidua.',
    });
    return { votes, problems };
  }
  const settings = new Map<string, { value: ReadValue; row: number }>();
  tableBelow(data, settingsAt)
    .slice(1)
    .forEach((r, i) => settings.set(str(r[0]), { value: r[1] ?? null, row: settingsAt + 1 + i }));
  const get = (key: string) => settings.get(key);
  const version = get('phien_ban');
  if (!version || Number(version.value) > FORMAT_VERSION) {
    problems.push({
      source: data.name,
      location: version ? `ô B${version.row + 1}` : 'trang tính',
      message: version
        ? `sổ tính định dạng phiên bản ${String(version.value)}, mới hơn phiên bản ${FORMAT_VERSION} mà công cụ này đọc được; hãy cập nhật thidua.`
        : 'thiếu khóa phien_ban: không phải sổ tính của thidua.',
    });
    return { votes, problems };
  }
  const num = (key: string): number | undefined => {
    const s = get(key);
    if (!s || s.value === null || s.value === '') return undefined;
    if (typeof s.value !== 'number') return void fail(s.row, 1, `${key} phải là số.`);
    return s.value;
  };
  const units: Unit[] = [];
  tableBelow(data, unitsAt)
    .slice(1)
    .forEach((r, i) => {
      const code = str(r[0]);
      const role = str(r[2]) as UnitRole;
      if (!code) return;
      if (!(role in ROLE_LABELS)) fail(unitsAt + 1 + i, 2, `vai trò "${role}" không hợp lệ.`);
      units.push({ code, name: str(r[1]), role: role in ROLE_LABELS ? role : 'thanh-vien' });
      if (typeof r[3] === 'number') votes.set(code, r[3]);
    });
  const criteriaRows = tableBelow(data, criteriaAt);
  const { criteria, problems: criteriaProblems } = rowsToCriteria(criteriaRows, {
    source: data.name,
    where: (row, col) => `ô ${address(criteriaAt + 2 + row, col + 1)}`,
  });
  problems.push(...criteriaProblems);
  const round = str(get('dot')?.value) as Round;
  if (!(round in ROUND_LABELS))
    fail(get('dot')?.row ?? settingsAt, 1, `đợt "${round}" không hợp lệ.`);
  const caps: Caps = {};
  const capBonus = num('tran_cong_ca_bang');
  const capPenalty = num('tran_tru_ca_bang');
  const capNet = num('tran_tong_ca_bang');
  if (capBonus !== undefined) caps.bonus = capBonus;
  if (capPenalty !== undefined) caps.penalty = capPenalty;
  if (capNet !== undefined) caps.net = capNet;
  const template: Template = {
    title: str(get('ten_bang_cham')?.value),
    declaredTotal: num('tong_diem_chuan') ?? 100,
    criteria: criteria ?? [],
    ...(Object.keys(caps).length ? { caps } : {}),
  };
  const blocSettings = readSettingsCells(get, settingsAt, template, fail);
  if (problems.length || !criteria || !blocSettings) return { votes, problems };
  return {
    bloc: {
      name: str(get('ten_khoi')?.value),
      year: num('nam') ?? 0,
      round,
      units,
      template,
      settings: blocSettings,
    },
    votes,
    problems,
  };
}

/** The settings' cells, each holding one section of the settings JSON (`SettingsJson`). */
const SETTING_CELLS: Record<string, string> = {
  classification: 'xep_loai',
  ranking: 'xep_hang',
  proposals: 'de_nghi',
  quotaPreset: 'bo_quy_tac_ty_le',
  quotaOverrides: 'dieu_chinh_ty_le',
};

/**
 * The settings from their cells, checked as a settings file is (a person may edit these cells),
 * each problem naming the cell and, inside its JSON, the setting. An empty cell keeps the default.
 */
function readSettingsCells(
  get: (key: string) => { value: ReadValue; row: number } | undefined,
  headerRow: number,
  template: Template,
  fail: (row: number, col: number, message: string) => void,
): BlocSettings | undefined {
  const root: Record<string, unknown> = {};
  let unreadable = false;
  for (const [section, key] of Object.entries(SETTING_CELLS)) {
    const cell = get(key);
    if (!cell || cell.value === null || cell.value === '') continue;
    if (section === 'quotaPreset') {
      root[section] = str(cell.value);
      continue;
    }
    try {
      root[section] = JSON.parse(String(cell.value));
    } catch {
      fail(cell.row, 1, `giá trị của ${key} không phải JSON hợp lệ.`);
      unreadable = true;
    }
  }
  if (unreadable) return undefined;
  const read = readSettingsObject(root, template, DEFAULT_SETTINGS);
  for (const { path, message } of read.problems) {
    const [section = '', ...inside] = path.split('.');
    const key = SETTING_CELLS[section];
    const row = (key ? get(key)?.row : undefined) ?? headerRow;
    fail(row, 1, inside.length ? `${inside.join('.')}: ${message}` : message);
  }
  return read.settings;
}
