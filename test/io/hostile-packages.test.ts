/**
 * Hostile .xlsx packages: zip bombs and entity declarations are refused in Vietnamese before
 * ExcelJS inflates or parses anything, through the file adapter every door opens workbooks with
 * (the web app's WorkbookFile over it here; the CLI in test/cli/bad-input.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { createWorkbook } from '../../src/app';
import { openXlsx, sheetLayout, XlsxWorkbook, xlsxBytes } from '../../src/io/xlsx';
import { declaresDoctype, MAX_PARTS } from '../../src/io/xlsx/package-guard';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { WebWorkbook } from '../../src/web/web-workbook';
import { WorkbookFile, type FileServices, type WorkbookCodec } from '../../src/web/workbook-file';
import { InputError } from '../../src/workbook';
import {
  billionLaughsSheet,
  deflated,
  partsOf,
  zeros,
  zipOf,
  type RawPart,
} from '../support/hostile-packages';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let sample: Uint8Array;
let parts: RawPart[];
beforeAll(async () => {
  const wb = XlsxWorkbook.empty();
  await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
  sample = await xlsxBytes(wb);
  parts = await partsOf(sample);
}, 30_000);

async function refusal(bytes: Uint8Array, name = 'khoi.xlsx'): Promise<string> {
  const e = await openXlsx(bytes, name).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  const [p] = (e as InputError).problems;
  expect(p).toMatchObject({ source: name, location: 'tệp' });
  return p!.message;
}

const withPart = (part: RawPart) => [...parts, part];
const replacing = (name: string, content: string) =>
  parts.map((p) => (p.name === name ? deflated(name, content) : p));

describe('zip bombs', () => {
  it('refuses a 1.6 MB package of 1.5 GB from its central directory, inflating nothing', async () => {
    const bomb = zipOf(withPart(zeros('xl/worksheets/sheet99.xml', 1536)));
    expect(bomb.length).toBeLessThan(1.7 * 1024 * 1024);
    const load = jest.spyOn(JSZip, 'loadAsync');
    try {
      expect(await refusal(bomb)).toMatch(
        /^tệp nén 1,\d MB nhưng giải nén ra 153\d,\d MB, quá 128,0 MB mà thidua mở được .*\(zip bomb\), nên không được mở\./,
      );
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  });

  it('refuses one part far denser than any sheet, though the whole is under the limit', async () => {
    const message = await refusal(zipOf(withPart(zeros('xl/worksheets/sheet99.xml', 100))));
    expect(message).toMatch(
      /^phần "xl\/worksheets\/sheet99\.xml" nén 0,1 MB nhưng giải nén ra 100,0 MB \(gấp \d+ lần, quá 200 lần/,
    );
  });

  it('refuses a part that inflates past the size its central directory declares', async () => {
    const liar = { ...zeros('xl/worksheets/sheet99.xml', 64), inflated: 1000 };
    expect(await refusal(zipOf(withPart(liar)))).toMatch(
      /^phần "xl\/worksheets\/sheet99\.xml" giải nén ra nhiều hơn 1000 byte mà mục lục của tệp ghi/,
    );
  });

  it('reads ZIP64 records: refuses a 5 GB claim, opens an ordinary workbook', async () => {
    const claim = { ...zeros('xl/worksheets/sheet99.xml', 1), inflated: 5 * 1024 ** 3 };
    expect(await refusal(zipOf(withPart(claim), { zip64: true }))).toMatch(
      /giải nén ra 5120,\d MB, quá 128,0 MB/,
    );
    const wb = await openXlsx(zipOf(parts, { zip64: true }), 'zip64.xlsx');
    expect(await wb.sheetNames()).toEqual(await (await openXlsx(sample, 's.xlsx')).sheetNames());
  });

  it('refuses more parts than a workbook has, an encrypted part and an unknown compression', async () => {
    const many = Array.from({ length: MAX_PARTS + 1 }, (_, i) => deflated(`x/${i}.bin`, ''));
    expect(await refusal(zipOf(many))).toMatch(/^tệp có 10001 phần, quá 10000 phần/);
    const locked = parts.map((p, i) => (i === 0 ? { ...p, flags: 1 } : p));
    expect(await refusal(zipOf(locked))).toMatch(/được nén kèm mật khẩu \(zip mã hóa\)/);
    const odd = zipOf(parts);
    // The first central header's compression method (offset 10), 8 → 12 (bzip2).
    odd.writeUInt16LE(12, odd.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(await refusal(odd)).toMatch(/nén theo cách \(phương thức 12\)/);
  });
});

describe('XML entity declarations', () => {
  it('refuses a sheet declaring the billion-laughs entities, naming the part', async () => {
    const bytes = zipOf(replacing('xl/worksheets/sheet1.xml', billionLaughsSheet()));
    expect(await refusal(bytes)).toMatch(
      /^phần "xl\/worksheets\/sheet1\.xml" khai báo DOCTYPE \(định nghĩa thực thể XML\)/,
    );
  });

  it('refuses a declaration that uses no entity, behind comments, in any XML part', async () => {
    const workbookXml = parts.find((p) => p.name === 'xl/workbook.xml')!;
    const xml = (await (
      await JSZip.loadAsync(zipOf([workbookXml]))
    )
      .file('xl/workbook.xml')!
      .async('string'))!;
    const hidden = xml.replace('?>', '?><!-- Excel --><?pi x?>\n<!DOCTYPE workbook>');
    expect(await refusal(zipOf(replacing('xl/workbook.xml', hidden)))).toMatch(
      /^phần "xl\/workbook\.xml" khai báo DOCTYPE/,
    );
  });

  it('tells a prologue with a DOCTYPE from one without, and from one too long to tell', () => {
    expect(declaresDoctype('\ufeff<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toBe(
      true,
    );
    expect(declaresDoctype('<?xml version="1.0"?><!-- <!DOCTYPE --><worksheet>')).toBe(false);
    expect(declaresDoctype('<?xml version="1.0"?><!-- a --><!DOCTYPE x><x/>')).toBe(true);
    expect(declaresDoctype('<worksheet><t>&lt;!DOCTYPE</t></worksheet>')).toBe(false);
    expect(declaresDoctype('<?xml version="1.0"?><!-- unfinished')).toBeUndefined();
  });
});

describe('through the web app’s open file', () => {
  const codec: WorkbookCodec<XlsxWorkbook> = {
    empty: () => XlsxWorkbook.empty(),
    open: openXlsx,
    bytes: xlsxBytes,
    looks: async (workbook) => (name) => sheetLayout(workbook, name),
    release: () => undefined,
  };
  const files: FileServices = {
    keep: async () => undefined,
    drop: async () => undefined,
    download: () => undefined,
    writeTo: async () => false,
    pickSave: async () => null,
  };

  it('refuses the bomb and the entities; the open workbook stays', async () => {
    const file = new WorkbookFile(new WebWorkbook(codec.empty()), codec, files);
    await file.open({ name: 'khoi.xlsx', bytes: sample });
    const before = (await file.workbook.read([])).sheetNames;
    const bomb = zipOf(withPart(zeros('xl/worksheets/sheet99.xml', 1536)));
    const laughs = zipOf(replacing('xl/worksheets/sheet1.xml', billionLaughsSheet()));
    for (const [name, bytes, says] of [
      ['bom-nen.xlsx', bomb, /\(zip bomb\)/],
      ['thuc-the.xlsx', laughs, /khai báo DOCTYPE/],
    ] as const) {
      const e = await file.open({ name, bytes }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(says);
      expect((e as InputError).problems[0]!.source).toBe(name);
      expect(file.state).toMatchObject({ name: 'khoi.xlsx', dirty: false });
      expect((await file.workbook.read([])).sheetNames).toEqual(before);
    }
  });
});

/** The peak memory of a child process that opens `file` with the file adapter, in MB. */
function peakWhileOpening(file: string): { peak: number; outcome: string } {
  const script = [
    "const { readFileSync } = require('node:fs');",
    "const { openXlsx } = require('./src/io/xlsx');",
    'openXlsx(readFileSync(process.argv[1]), "x.xlsx")',
    "  .then(() => 'opened', (e) => e.name)",
    '  .then((outcome) => console.log(JSON.stringify({ outcome,',
    '    peak: process.resourceUsage().maxRSS / 1024 })));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, file], {
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(out) as { peak: number; outcome: string };
}

it('refuses the bomb with the memory it takes to open an ordinary workbook', () => {
  const ordinary = path.join(dir, 'khoi.xlsx');
  const bomb = path.join(dir, 'bom-nen.xlsx');
  writeFileSync(ordinary, sample);
  writeFileSync(bomb, zipOf(withPart(zeros('xl/worksheets/sheet99.xml', 1536))));
  const opening = peakWhileOpening(ordinary);
  const refusing = peakWhileOpening(bomb);
  expect(opening.outcome).toBe('opened');
  expect(refusing.outcome).toBe('InputError');
  // Before the check, ExcelJS inflated the part first: 1.7 GB.
  expect(refusing.peak).toBeLessThan(opening.peak + 32);
}, 60_000);
