import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { evaluateBloc } from '../../src/core/bloc';
import { rankingChart } from '../../src/core/ranking/chart';
import { chartPicture } from '../../src/export/chart-picture';
import { buildMinutesDocx, buildReportDocx } from '../../src/export/docx-report';
import { SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS } from '../../src/sample';
import { parseXml, type XmlElement } from '../addin/xml';

const result = evaluateBloc(SAMPLE_BLOC, SAMPLE_SHEETS, SAMPLE_SUBMISSIONS);
const chart = rankingChart(result, SAMPLE_BLOC.settings.classification, SAMPLE_BLOC.year);

function all(e: XmlElement, name: string): XmlElement[] {
  return [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];
}

/** A PNG as the test reads it: zlib checks the data; each row's filter must be 0 (none). */
function decodePng(bytes: Uint8Array) {
  const view = Buffer.from(bytes);
  expect(view.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < view.length;) {
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), view.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const ihdr = chunks.get('IHDR')![0]!;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  expect([ihdr[8], ihdr[9]]).toEqual([4, 3]);
  const plte = chunks.get('PLTE')![0]!;
  const palette = Array.from({ length: plte.length / 3 }, (_, i) =>
    plte
      .subarray(i * 3, i * 3 + 3)
      .toString('hex')
      .toUpperCase(),
  );
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const stride = Math.ceil(width / 2) + 1;
  expect(raw.length).toBe(stride * height);
  const at = (x: number, y: number) => {
    expect(raw[y * stride]).toBe(0);
    const b = raw[y * stride + 1 + (x >> 1)]!;
    return palette[x & 1 ? b & 15 : b >> 4]!;
  };
  return { width, height, at };
}

describe('the ranking chart as a picture', () => {
  const picture = chartPicture(chart);
  const svg = parseXml(picture.svg);

  it('draws a bar per unit in rank order, its length its total, in its class colour', () => {
    const bars = all(svg, 'rect').slice(1); // the first paints the background
    const unitBars = bars.filter((r) => r.attrs.height === '13');
    expect(unitBars).toHaveLength(result.units.length);
    expect(unitBars.map((r) => `FF${r.attrs.fill!.slice(1)}`)).toEqual(
      chart.bars.map((b) => b.color),
    );
    const ys = unitBars.map((r) => Number(r.attrs.y));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const perPoint = unitBars.map(
      (r, i) => Number(r.attrs.width) / result.units[i]!.score.verified.total,
    );
    for (const k of perPoint) expect(k).toBeCloseTo(perPoint[0]!, 6);
    const texts = all(svg, 'text').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(result.units.map((u) => u.unit.name)));
    expect(texts).toEqual(
      expect.arrayContaining(['118,40', 'Ngưỡng Xuất sắc ≥ 91', 'Ngưỡng Tốt ≥ 70']),
    );
  });

  it('draws each threshold as a dashed line at its points, in its class colour', () => {
    const dashed = all(svg, 'line').filter((l) => l.attrs['stroke-dasharray']);
    expect(dashed.map((l) => l.attrs.stroke)).toEqual(
      chart.thresholds.map((t) => `#${t.color.slice(2)}`),
    );
    const first = all(svg, 'rect')[1]!;
    const k = Number(first.attrs.width) / result.units[0]!.score.verified.total;
    dashed.forEach((l, i) =>
      expect(Number(l.attrs.x1) - Number(first.attrs.x)).toBeCloseTo(
        chart.thresholds[i]!.min * k,
        6,
      ),
    );
  });

  it('has a PNG of the same size with the same bars, for Word without SVG', () => {
    const png = decodePng(picture.png);
    expect([png.width, png.height]).toEqual([picture.width, picture.height]);
    const bars = all(svg, 'rect').filter((r) => r.attrs.height === '13');
    bars.forEach((r, i) => {
      const y = Math.round(Number(r.attrs.y) + 6);
      const end = Number(r.attrs.x) + Number(r.attrs.width);
      expect(png.at(Number(r.attrs.x) + 5, y)).toBe(chart.bars[i]!.color.slice(2));
      expect(png.at(Math.round(end) + 3, y)).not.toBe(chart.bars[i]!.color.slice(2));
    });
  });

  it('is in the report under the ranking table, as SVG with the PNG as its fallback', async () => {
    const zip = await JSZip.loadAsync(
      await buildReportDocx({
        bloc: SAMPLE_BLOC,
        result,
        place: 'Tuyên Quang',
        date: '2025-12-25',
      }),
    );
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.sort()).toEqual(['word/media/image1.png', 'word/media/image1.svg']);
    expect(await zip.file('word/media/image1.svg')!.async('string')).toBe(picture.svg);
    expect(new Uint8Array(await zip.file('word/media/image1.png')!.async('uint8array'))).toEqual(
      picture.png,
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    const table = xml.indexOf('</w:tbl>', xml.indexOf('Khối chấm'));
    const drawing = xml.indexOf('<w:drawing>');
    expect(drawing).toBeGreaterThan(table);
    expect(xml).toContain('asvg:svgBlip');
    expect(xml).toContain(
      'descr="Biểu đồ: điểm khối chấm theo thứ hạng năm 2025, các đơn vị theo thứ tự của bảng trên; đường nét đứt là ngưỡng xếp loại (Xuất sắc ≥ 91; Tốt ≥ 70)."',
    );
  });

  it('shows in the minutes each part’s self and verified points, side by side', async () => {
    const zip = await JSZip.loadAsync(
      await buildMinutesDocx({
        bloc: SAMPLE_BLOC,
        result,
        place: 'Tuyên Quang',
        date: '2025-12-25',
        unitCode: 'CAT',
      }),
    );
    const minutes = parseXml(await zip.file('word/media/image1.svg')!.async('string'));
    const texts = all(minutes, 'text').map((t) => t.text);
    // The parts that carry points, by their labels ("Tiêu chuẩn I"); a part of knock-out
    // conditions only has none.
    const parts = texts.flatMap((t) =>
      t.startsWith('Tiêu chuẩn ') ? [{ code: t.slice(11) }] : [],
    );
    expect(parts.length).toBeGreaterThan(1);
    const unit = result.units.find((u) => u.unit.code === 'CAT')!;
    // Two bars each, self then verified.
    const widths = all(minutes, 'rect')
      .filter((r) => r.attrs.height === '11')
      .map((r) => Number(r.attrs.width));
    expect(widths).toHaveLength(parts.length * 2);
    const k = widths[1]! / unit.score.node(parts[0]!.code).total;
    parts.forEach((p, i) => {
      expect(widths[2 * i]).toBeCloseTo(unit.score.node(p.code, 'self').total * k, 6);
      expect(widths[2 * i + 1]).toBeCloseTo(unit.score.node(p.code).total * k, 6);
    });
    expect(texts).toEqual(expect.arrayContaining(['Tự chấm', 'Khối chấm', 'Tiêu chuẩn I']));
    expect(Object.keys(zip.files)).toContain('word/media/image1.png');
  });
});
