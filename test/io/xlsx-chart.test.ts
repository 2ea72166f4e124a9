import JSZip from 'jszip';
import { createWorkbook, rankWorkbook, type RankOutcome } from '../../src/app/workbook-actions';
import { openXlsx, XlsxWorkbook, xlsxBytes } from '../../src/io/xlsx/xlsx-workbook';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { SHEETS } from '../../src/workbook/layout';
import { parseXml, type XmlElement } from '../addin/xml';

/** The first descendant named `name`, depth first. */
function find(e: XmlElement, name: string): XmlElement | undefined {
  if (e.name === name) return e;
  for (const c of e.children) {
    const f = find(c, name);
    if (f) return f;
  }
  return undefined;
}

function all(e: XmlElement, name: string): XmlElement[] {
  return [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];
}

const charts = (zip: JSZip) =>
  Object.keys(zip.files).filter((f) => /^xl\/charts\/.+\.xml$/.test(f));

async function part(zip: JSZip, name: string): Promise<XmlElement> {
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name}`);
  return parseXml(await file.async('string'));
}

/** The package part of a sheet, by its name, through the workbook's relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await part(zip, 'xl/workbook.xml');
  const rels = await part(zip, 'xl/_rels/workbook.xml.rels');
  const id = all(wb, 'sheet').find((s) => s.attrs.name === sheet)!.attrs['r:id'];
  const target = all(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target!;
  return `xl/${target.replace(/^\/?(xl\/)?/, '')}`;
}

let outcome: RankOutcome;
let zip: JSZip;

beforeAll(async () => {
  const wb = XlsxWorkbook.empty();
  await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
  outcome = await rankWorkbook(wb);
  zip = await JSZip.loadAsync(await xlsxBytes(wb));
}, 60_000);

describe('the ranking chart in the .xlsx package', () => {
  it('is one well-formed clustered bar chart over the ranking table, in rank order', async () => {
    expect(charts(zip)).toEqual(['xl/charts/chart1.xml']);
    const chart = await part(zip, 'xl/charts/chart1.xml');
    expect(find(chart, 'c:barDir')!.attrs.val).toBe('bar');
    expect(find(chart, 'c:grouping')!.attrs.val).toBe('clustered');
    const last = 4 + outcome.result.units.length;
    const cat = find(find(chart, 'c:cat')!, 'c:f')!.text;
    const val = find(find(chart, 'c:val')!, 'c:f')!.text;
    expect(cat).toBe(`'${SHEETS.ranking}'!$C$5:$C$${last}`);
    expect(val).toBe(`'${SHEETS.ranking}'!$E$5:$E$${last}`);
    const labels = all(find(chart, 'c:cat')!, 'c:v').map((v) => v.text);
    const values = all(find(chart, 'c:val')!, 'c:v').map((v) => Number(v.text));
    expect(labels).toEqual(outcome.result.units.map((u) => u.unit.name));
    expect(values).toEqual(outcome.result.units.map((u) => u.score.verified.total));
    // In rank order: totals of the ranked units never rise down the list.
    const ranked = outcome.result.units.filter((u) => u.ranked.rank !== null).length;
    for (let i = 1; i < ranked; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]!);
    // The first unit at the top, and the thresholds named under the title.
    expect(find(find(chart, 'c:catAx')!, 'c:orientation')!.attrs.val).toBe('maxMin');
    const title = all(find(chart, 'c:title')!, 'a:t')
      .map((t) => t.text)
      .join('');
    // (The test's XML reader trims each run's text.)
    expect(title).toMatch(/Ngưỡng xếp loại:\s*Xuất sắc ≥ 91;\s*Tốt ≥ 70$/);
  });

  it('hangs from the Xếp hạng sheet through its drawing, under the table, on a page of its own', async () => {
    const sheet = await sheetPart(zip, SHEETS.ranking);
    const drawingId = find(await part(zip, sheet), 'drawing')!.attrs['r:id'];
    const rels = await part(zip, sheet.replace(/([^/]+)$/, '_rels/$1.rels'));
    const target = all(rels, 'Relationship').find((r) => r.attrs.Id === drawingId)!;
    expect(target.attrs.Type).toMatch(/\/relationships\/drawing$/);
    const drawingPath = `xl/drawings/${target.attrs.Target!.split('/').pop()}`;
    const drawing = await part(zip, drawingPath);
    const from = Number(find(find(drawing, 'xdr:from')!, 'xdr:row')!.text);
    expect(from).toBeGreaterThan(4 + outcome.result.units.length);
    // A page starts at the chart's first row (a break above the zero-based row `from`).
    const breaks = all(find(await part(zip, sheet), 'rowBreaks')!, 'brk');
    expect(breaks.map((b) => Number(b.attrs.id))).toEqual([from]);
    const chartRel = find(drawing, 'c:chart')!.attrs['r:id'];
    const drawingRels = await part(zip, drawingPath.replace(/([^/]+)$/, '_rels/$1.rels'));
    expect(
      all(drawingRels, 'Relationship').find((r) => r.attrs.Id === chartRel)!.attrs.Target,
    ).toBe('../charts/chart1.xml');
    const types = all(await part(zip, '[Content_Types].xml'), 'Override').map((o) => o.attrs);
    expect(types).toContainEqual({
      PartName: '/xl/charts/chart1.xml',
      ContentType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    });
    expect(types).toContainEqual({
      PartName: drawingPath.replace(/^/, '/'),
      ContentType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
    });
  });

  it('is drawn again, once, when a saved workbook is opened, ranked and saved', async () => {
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const opened = await openXlsx(bytes, 'khoi.xlsx');
    await rankWorkbook(opened);
    await rankWorkbook(opened);
    const again = await JSZip.loadAsync(await xlsxBytes(opened));
    expect(charts(again)).toEqual(['xl/charts/chart1.xml']);
    const reopened = await openXlsx(await again.generateAsync({ type: 'uint8array' }), 'khoi.xlsx');
    expect(reopened.workbook.getWorksheet(SHEETS.ranking)).toBeDefined();
    const sheet = await part(again, await sheetPart(again, SHEETS.ranking));
    expect(all(sheet, 'drawing')).toHaveLength(1);
  });

  it('stays as it was when a saved workbook is opened and saved without ranking', async () => {
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const opened = await openXlsx(bytes, 'khoi.xlsx');
    // An edit of an input cell, as an import makes, then a save.
    const unit = outcome.result.units[0]!.unit.code;
    await opened.write({ replace: [], update: [{ sheet: unit, address: 'B3', value: 'Đã nộp' }] });
    const saved = await JSZip.loadAsync(await xlsxBytes(opened));
    expect(charts(saved)).toEqual(['xl/charts/chart1.xml']);
    expect(await saved.file('xl/charts/chart1.xml')!.async('string')).toBe(
      await zip.file('xl/charts/chart1.xml')!.async('string'),
    );
    const sheet = await part(saved, await sheetPart(saved, SHEETS.ranking));
    expect(all(sheet, 'drawing')).toHaveLength(1);
  });
});
