/**
 * Bar charts as pictures for documents: an SVG with its text, and a PNG of the same drawing without
 * text for the applications that show no SVG (Word before 2016, LibreOffice 7). Drawn in code, so
 * the documents are made the same way in Node and in a browser. Horizontal bars, a group of bars
 * per category from the top; marks named over the plot, those with a value drawn as dashed lines.
 * The ranking chart (a bar per unit in rank order, the thresholds as lines) is one such picture.
 */
import type { RankingChart } from '../core/ranking/chart';
import { formatDecimal } from '../core/text/vietnamese';
import { escapeXml } from '../core/text/xml';
import { IndexedImage } from './png';

/** The picture's size in pixels (96 per inch: 640 px is the 17 cm of the report's text width). */
const WIDTH = 640;
const TOP = 64;
const BAND = 20;
const BAR = 13;
const BOTTOM = 46;
const LABELS = 215;
const RIGHT = 50;
const FONT = 'Times New Roman, serif';
const GRID = 'D9D9D9';
const INK = '404040';
/** Longest name shown in full; longer ones end with an ellipsis. */
const NAME_CHARS = 34;

/** What a picture shows: categories top to bottom, each with a bar per series. */
export interface BarsPicture {
  title: string;
  valueTitle: string;
  groups: { label: string; bars: { value: number; color: string }[] }[];
  /** Named over the plot in their colour; one with a value is also a dashed line at it. */
  marks: { label: string; color: string; value?: number }[];
}

export interface ChartPicture {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

interface Geometry {
  height: number;
  plot: { x: number; y: number; w: number; h: number };
  max: number;
  step: number;
  /** The thickness of a bar. */
  bar: number;
  x(value: number): number;
  /** The top of bar j of group i. */
  y(i: number, j: number): number;
}

/** A round step giving about five gridlines up to `top`. */
function niceStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

function geometry(picture: BarsPicture): Geometry {
  const top = Math.max(
    1,
    ...picture.groups.flatMap((g) => g.bars.map((b) => b.value)),
    ...picture.marks.map((m) => m.value ?? 0),
  );
  const step = niceStep(top);
  const max = Math.ceil(top / step) * step;
  const perGroup = Math.max(1, ...picture.groups.map((g) => g.bars.length));
  const bar = perGroup === 1 ? BAR : BAR - 2;
  const band = perGroup * bar + (BAND - BAR);
  const plot = {
    x: LABELS,
    y: TOP,
    w: WIDTH - LABELS - RIGHT,
    h: Math.max(1, picture.groups.length) * band,
  };
  return {
    height: TOP + plot.h + BOTTOM,
    plot,
    max,
    step,
    bar,
    x: (v) => plot.x + (Math.max(0, v) / max) * plot.w,
    y: (i, j) => plot.y + i * band + (BAND - BAR) / 2 + j * bar,
  };
}

const rgb = (argb: string) => argb.slice(-6);

function text(
  x: number,
  y: number,
  content: string,
  o: { size: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; color?: string },
): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${o.size}" text-anchor="${o.anchor ?? 'start'}"${o.bold ? ' font-weight="bold"' : ''} fill="#${o.color ?? INK}">${escapeXml(content)}</text>`;
}

const shortName = (s: string) => (s.length > NAME_CHARS ? `${s.slice(0, NAME_CHARS - 1)}…` : s);

function svgOf(picture: BarsPicture, g: Geometry): string {
  const { plot } = g;
  const out: string[] = [];
  out.push(`<rect width="${WIDTH}" height="${g.height}" fill="#FFFFFF"/>`);
  out.push(text(WIDTH / 2, 20, picture.title, { size: 15, anchor: 'middle', bold: true }));
  for (let v = 0; v <= g.max; v += g.step) {
    const x = g.x(v);
    out.push(
      `<line x1="${x}" y1="${plot.y}" x2="${x}" y2="${plot.y + plot.h}" stroke="#${GRID}"/>`,
    );
    out.push(text(x, plot.y + plot.h + 14, formatDecimal(v), { size: 10, anchor: 'middle' }));
  }
  picture.groups.forEach((group, i) => {
    const middle = g.y(i, 0) + (group.bars.length * g.bar) / 2;
    out.push(text(plot.x - 6, middle + 4, shortName(group.label), { size: 11, anchor: 'end' }));
    group.bars.forEach((b, j) => {
      const y = g.y(i, j);
      const w = g.x(b.value) - plot.x;
      out.push(
        `<rect x="${plot.x}" y="${y}" width="${w}" height="${g.bar}" fill="#${rgb(b.color)}"/>`,
      );
      const value = formatDecimal(b.value, { decimals: 2, minDecimals: 2 });
      out.push(text(plot.x + w + 3, y + g.bar - 2, value, { size: 10 }));
    });
  });
  // Marks: named in a row over the plot in their colour; a value is also a dashed line.
  let labelX = plot.x;
  for (const m of picture.marks) {
    const color = rgb(m.color);
    if (m.value !== undefined) {
      const x = g.x(m.value);
      out.push(
        `<line x1="${x}" y1="${plot.y - 4}" x2="${x}" y2="${plot.y + plot.h}" stroke="#${color}" stroke-width="2" stroke-dasharray="6 3"/>`,
      );
    }
    out.push(`<rect x="${labelX}" y="${38}" width="14" height="3" fill="#${color}"/>`);
    out.push(text(labelX + 18, 44, m.label, { size: 11, bold: true, color }));
    // About 6.5 px a character of 11 px bold Times, then a gap.
    labelX += 18 + Math.ceil(m.label.length * 6.5) + 24;
  }
  out.push(
    `<line x1="${plot.x}" y1="${plot.y}" x2="${plot.x}" y2="${plot.y + plot.h}" stroke="#${INK}"/>`,
  );
  out.push(
    text(plot.x + plot.w / 2, g.height - 10, picture.valueTitle, {
      size: 11,
      anchor: 'middle',
      bold: true,
    }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${g.height}" viewBox="0 0 ${WIDTH} ${g.height}">${out.join('')}</svg>`;
}

/** The same drawing without text, at the same size: bars, grid, axis and threshold lines. */
function pngOf(picture: BarsPicture, g: Geometry): Uint8Array {
  const colors = [
    'FFFFFF',
    INK,
    GRID,
    ...new Set([
      ...picture.groups.flatMap((group) => group.bars.map((b) => rgb(b.color))),
      ...picture.marks.map((m) => rgb(m.color)),
    ]),
  ].slice(0, 16);
  const index = (hex: string) => Math.max(0, colors.indexOf(hex));
  const image = new IndexedImage(WIDTH, g.height, colors);
  const { plot } = g;
  for (let v = 0; v <= g.max; v += g.step) image.fill(g.x(v), plot.y, 1, plot.h, index(GRID));
  picture.groups.forEach((group, i) =>
    group.bars.forEach((b, j) =>
      image.fill(plot.x, g.y(i, j), g.x(b.value) - plot.x, g.bar, index(rgb(b.color))),
    ),
  );
  for (const m of picture.marks)
    if (m.value !== undefined)
      for (let y = plot.y - 4; y < plot.y + plot.h; y += 9)
        image.fill(g.x(m.value) - 1, y, 2, 6, index(rgb(m.color)));
  image.fill(plot.x, plot.y, 1, plot.h, index(INK));
  return image.png();
}

/** A bars picture: the SVG, its PNG without text, and their size in pixels. */
export function barsPicture(picture: BarsPicture): ChartPicture {
  const g = geometry(picture);
  return { svg: svgOf(picture, g), png: pngOf(picture, g), width: WIDTH, height: g.height };
}

/** The ranking chart: a bar per unit in rank order, each threshold a dashed line. */
export function chartPicture(chart: RankingChart): ChartPicture {
  return barsPicture({
    title: chart.title,
    valueTitle: chart.valueTitle,
    groups: chart.bars.map((b) => ({ label: b.label, bars: [{ value: b.value, color: b.color }] })),
    marks: chart.thresholds.map((t) => ({
      label: `Ngưỡng ${t.label}`,
      color: t.color,
      value: t.min,
    })),
  });
}
