/**
 * Charts in the .xlsx package. ExcelJS cannot write charts, so after it has written the package
 * this module adds, for each sheet with charts, a DrawingML chart part per chart, one drawing part
 * anchoring them over their cells, the relationships from sheet to drawing to chart, the sheet's
 * `<drawing r:id>` and the content types (ECMA-376 Part 1, §21.2 charts, §20.5 spreadsheet
 * drawing). Each chart keeps the run's labels and values as its cache, so a viewer that does not
 * recalculate still shows the bars. JSZip passes the parts it does not touch through without
 * compressing them again, which keeps this cheap. Browser-safe: no Node API.
 */
import JSZip from 'jszip';
import { thresholdsText, type RankingChart } from '../../core/ranking/chart';
import { escapeXml } from '../../core/text/xml';
import { parseAddress, sheetRef, type ChartSpec } from '../../workbook/grid';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The axes' ids inside one chart part (any two distinct numbers). */
const CAT_AX = 50010;
const VAL_AX = 50020;
/**
 * Where a sheet's `<drawing>` goes (CT_Worksheet's sequence): after the last of the elements before
 * it, and before the first of those after it. Rules of conditional formats hold an `<extLst>` of
 * their own, so the search for the ones after starts past the ones before.
 */
const BEFORE_DRAWING = [
  '</sheetData>',
  '</conditionalFormatting>',
  '</dataValidations>',
  '</hyperlinks>',
  '<pageMargins',
  '<pageSetup',
  '</headerFooter>',
  '</rowBreaks>',
  '</colBreaks>',
  '</ignoredErrors>',
];
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** ARGB → the RGB DrawingML takes. */
const rgb = (argb: string) => argb.slice(-6);
const fill = (argb: string) => `<a:solidFill><a:srgbClr val="${rgb(argb)}"/></a:solidFill>`;

/** "C5:C64" on sheet s → "'s'!$C$5:$C$64". */
function reference(sheet: string, range: string): string {
  const abs = range
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `${sheetRef(sheet)}!${abs}`;
}

function run(text: string, o: { size: number; bold?: boolean; color?: string }): string {
  const props = `lang="vi-VN" sz="${o.size * 100}" b="${o.bold ? 1 : 0}"`;
  return `<a:r><a:rPr ${props}>${o.color ? fill(o.color) : ''}</a:rPr><a:t>${escapeXml(text)}</a:t></a:r>`;
}

/** A rich title: paragraphs of runs. */
function title(paragraphs: string[]): string {
  const ps = paragraphs.map((p) => `<a:p><a:pPr><a:defRPr/></a:pPr>${p}</a:p>`).join('');
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${ps}</c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** The chart's title, and under it each threshold in the colour of its class. */
function chartTitle(chart: RankingChart): string {
  const lines = [run(chart.title, { size: 14, bold: true })];
  if (chart.thresholds.length) {
    const parts = chart.thresholds.flatMap((t, i) => [
      ...(i ? [run('; ', { size: 10 })] : []),
      run(t.label, { size: 10, bold: true, color: t.color }),
    ]);
    lines.push([run('Ngưỡng xếp loại: ', { size: 10 }), ...parts].join(''));
  }
  return title(lines);
}

function strCache(values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('');
  return `<c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part: clustered horizontal bars, the first category at the top. */
export function chartXml(spec: ChartSpec, sheet: string): string {
  const { chart } = spec;
  const points = chart.bars
    .map(
      (b, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(b.color)}</c:spPr></c:dPt>`,
    )
    .join('');
  const labels =
    '<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(reference(sheet, spec.seriesName))}</c:f>${strCache([chart.seriesName])}</c:strRef></c:tx>` +
    `<c:spPr>${fill(chart.bars[0]?.color ?? 'FF5B9BD5')}</c:spPr><c:invertIfNegative val="0"/>${points}${labels}` +
    `<c:cat><c:strRef><c:f>${escapeXml(reference(sheet, spec.categories))}</c:f>${strCache(chart.bars.map((b) => b.label))}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(reference(sheet, spec.values))}</c:f>${numCache(chart.bars.map((b) => b.value))}</c:numRef></c:val>` +
    `</c:ser>`;
  const axisTitle = (text: string) => title([run(text, { size: 10, bold: true })]);
  const text9 =
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';
  // Categories top to bottom (maxMin); the value axis then crosses at the last category, which
  // keeps its labels under the bars.
  const catAx = `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>${axisTitle(chart.categoryTitle)}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text9}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>${axisTitle(chart.valueTitle)}<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text9}<c:crossAx val="${CAT_AX}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${chartTitle(chart)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="40"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `${catAx}${valAx}</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** A zero-based cell corner of an anchor. */
function corner(tag: 'from' | 'to', a1: string): string {
  const { row, column } = parseAddress(a1);
  return `<xdr:${tag}><xdr:col>${column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part: each chart (relationship rId1, rId2…) over its cells. */
export function drawingXml(specs: readonly ChartSpec[]): string {
  const anchors = specs.map((spec, i) => {
    const [from, to] = spec.anchor.split(':') as [string, string];
    return (
      `<xdr:twoCellAnchor>${corner('from', from)}${corner('to', to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(spec.chart.title)}" descr="${escapeXml(thresholdsText(spec.chart))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${NS.rels}">${items}</Relationships>`;
}

const attr = (tag: string, name: string) =>
  unescapeXml(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

/** Sheet name → its part's path ("xl/worksheets/sheet3.xml"), from the workbook and its rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map(
    [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => [
      attr(m[0], 'Id'),
      attr(m[0], 'Target'),
    ]),
  );
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const target = targets.get(attr(m[0], 'r:id'));
    if (target) out.set(attr(m[0], 'name'), target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  return out;
}

/** The next free number of parts named <prefix>N.xml. */
function nextNumber(zip: JSZip, prefix: string): number {
  const taken = Object.keys(zip.files).flatMap((f) =>
    f.startsWith(prefix) && /^\d+\.xml$/.test(f.slice(prefix.length))
      ? [Number(f.slice(prefix.length, -4))]
      : [],
  );
  return Math.max(0, ...taken) + 1;
}

/** A relationship id not yet used in a rels part. */
function freeId(rels: string): string {
  let n = 1;
  while (rels.includes(`Id="rId${n}"`)) n++;
  return `rId${n}`;
}

/** The index in a sheet part at which its `<drawing>` element goes. */
function drawingPlace(xml: string): number {
  const from = Math.max(0, ...BEFORE_DRAWING.map((t) => xml.lastIndexOf(t)));
  const rest = xml.slice(from);
  const after = AFTER_DRAWING.map((t) => rest.search(new RegExp(`<${t}[\\s>/]`))).filter(
    (i) => i >= 0,
  );
  return after.length ? from + Math.min(...after) : xml.lastIndexOf('</worksheet>');
}

/** A sheet's drawing of charts as package text: the drawing part, its charts by relationship id. */
export interface SheetDrawing {
  drawing: string;
  charts: { id: string; xml: string }[];
}

/** The drawing of a sheet's chart specs. */
export function specDrawing(specs: readonly ChartSpec[], sheet: string): SheetDrawing {
  return {
    drawing: drawingXml(specs),
    charts: specs.map((spec, i) => ({ id: `rId${i + 1}`, xml: chartXml(spec, sheet) })),
  };
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a path in the package, from the part it belongs to. */
function resolve(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = part.split('/').slice(0, -1);
  for (const step of target.split('/'))
    if (step === '..') out.pop();
    else if (step !== '.') out.push(step);
  return out.join('/');
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id'),
    type: attr(m[0], 'Type'),
    target: attr(m[0], 'Target'),
  }));
}

/** The charts of a sheet's drawing, when it holds charts alone, each without parts of its own. */
async function chartDrawing(zip: JSZip, part: string): Promise<SheetDrawing | undefined> {
  const rels = await zip.file(relsPathOf(part))?.async('string');
  const link = rels && relationships(rels).find((r) => r.type === REL.drawing);
  if (!link) return undefined;
  const path = resolve(part, link.target);
  const drawing = await zip.file(path)?.async('string');
  // Pictures and shapes are ExcelJS's to keep; a drawing with any is left to it.
  if (!drawing || /<xdr:(pic|sp|grpSp|cxnSp)[\s>]/.test(drawing)) return undefined;
  const links = relationships((await zip.file(relsPathOf(path))?.async('string')) ?? '');
  if (links.length === 0 || links.some((l) => l.type !== REL.chart)) return undefined;
  const charts: SheetDrawing['charts'] = [];
  for (const l of links) {
    const chart = resolve(path, l.target);
    const xml = await zip.file(chart)?.async('string');
    if (xml === undefined || zip.file(relsPathOf(chart))) return undefined;
    charts.push({ id: l.id, xml });
  }
  return { drawing, charts };
}

/**
 * The drawings of charts alone in a package, by sheet (thidua's ranking chart among them), for
 * the file adapter to write back: ExcelJS drops charts when it loads a workbook.
 */
export async function chartDrawings(bytes: Uint8Array): Promise<Map<string, SheetDrawing>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, SheetDrawing>();
  for (const [sheet, part] of await sheetParts(zip)) {
    const drawing = await chartDrawing(zip, part);
    if (drawing) out.set(sheet, drawing);
  }
  return out;
}

/** Adds one sheet's drawing and charts; returns the content-type overrides they need. */
async function addSheetDrawing(zip: JSZip, part: string, d: SheetDrawing): Promise<string[]> {
  const sheetXml = await zip.file(part)!.async('string');
  // ExcelJS wrote a drawing of the sheet's pictures: charts kept from the file cannot join it
  // (a sheet thidua rebuilds has no pictures, so its own charts always have the place).
  if (/<drawing\s/.test(sheetXml)) return [];
  const drawing = nextNumber(zip, 'xl/drawings/drawing');
  const firstChart = nextNumber(zip, 'xl/charts/chart');
  const overrides = [`/xl/drawings/drawing${drawing}.xml`];
  d.charts.forEach((chart, i) => {
    zip.file(`xl/charts/chart${firstChart + i}.xml`, chart.xml);
    overrides.push(`/xl/charts/chart${firstChart + i}.xml`);
  });
  zip.file(`xl/drawings/drawing${drawing}.xml`, d.drawing);
  zip.file(
    `xl/drawings/_rels/drawing${drawing}.xml.rels`,
    relsXml(
      d.charts.map((chart, i) => ({
        id: chart.id,
        type: REL.chart,
        target: `../charts/chart${firstChart + i}.xml`,
      })),
    ),
  );
  const relsPath = relsPathOf(part);
  const rels = (await zip.file(relsPath)?.async('string')) ?? relsXml([]);
  const id = freeId(rels);
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${REL.drawing}" Target="../drawings/drawing${drawing}.xml"/></Relationships>`,
    ),
  );
  const element = `<drawing r:id="${id}"/>`;
  const at = drawingPlace(sheetXml);
  let patched = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // The r: prefix must be declared on the worksheet element.
  if (!/<worksheet[^>]*\sxmlns:r=/.test(patched))
    patched = patched.replace('<worksheet', `<worksheet xmlns:r="${NS.r}"`);
  zip.file(part, patched);
  return overrides;
}

/** The package with each sheet's drawing of charts added (sheets without a part are skipped). */
export async function withCharts(
  bytes: Uint8Array,
  drawings: ReadonlyMap<string, SheetDrawing>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  const overrides: { part: string; type: string }[] = [];
  for (const [sheet, d] of drawings) {
    const part = parts.get(sheet);
    if (!part || d.charts.length === 0) continue;
    for (const p of await addSheetDrawing(zip, part, d))
      overrides.push({
        part: p,
        type: p.includes('/charts/') ? CONTENT_TYPE.chart : CONTENT_TYPE.drawing,
      });
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      `${overrides.map((o) => `<Override PartName="${o.part}" ContentType="${o.type}"/>`).join('')}</Types>`,
    ),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
