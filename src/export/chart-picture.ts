/**
 * The ranking chart as a picture for documents: an SVG with its text, and a PNG of the same
 * drawing without text for the applications that show no SVG (Word before 2016). Drawn in code, so
 * the report is made the same way in Node and in a browser. One bar per unit in rank order, the
 * first at the top; each threshold a dashed line in its class's colour, named above the plot.
 */
import type { RankingChart } from '../core/ranking/chart';
import { formatDecimal } from '../core/text/vietnamese';
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
  x(value: number): number;
  y(i: number): number;
}

/** A round step giving about five gridlines up to `top`. */
function niceStep(top: number): number {
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
}

function geometry(chart: RankingChart): Geometry {
  const top = Math.max(1, ...chart.bars.map((b) => b.value), ...chart.thresholds.map((t) => t.min));
  const step = niceStep(top);
  const max = Math.ceil(top / step) * step;
  const plot = {
    x: LABELS,
    y: TOP,
    w: WIDTH - LABELS - RIGHT,
    h: Math.max(1, chart.bars.length) * BAND,
  };
  return {
    height: TOP + plot.h + BOTTOM,
    plot,
    max,
    step,
    x: (v) => plot.x + (Math.max(0, v) / max) * plot.w,
    y: (i) => plot.y + i * BAND + (BAND - BAR) / 2,
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

function svgOf(chart: RankingChart, g: Geometry): string {
  const { plot } = g;
  const out: string[] = [];
  out.push(`<rect width="${WIDTH}" height="${g.height}" fill="#FFFFFF"/>`);
  out.push(text(WIDTH / 2, 20, chart.title, { size: 15, anchor: 'middle', bold: true }));
  for (let v = 0; v <= g.max; v += g.step) {
    const x = g.x(v);
    out.push(
      `<line x1="${x}" y1="${plot.y}" x2="${x}" y2="${plot.y + plot.h}" stroke="#${GRID}"/>`,
    );
    out.push(text(x, plot.y + plot.h + 14, formatDecimal(v), { size: 10, anchor: 'middle' }));
  }
  chart.bars.forEach((b, i) => {
    const y = g.y(i);
    const w = g.x(b.value) - plot.x;
    out.push(`<rect x="${plot.x}" y="${y}" width="${w}" height="${BAR}" fill="#${rgb(b.color)}"/>`);
    out.push(text(plot.x - 6, y + BAR - 2, shortName(b.label), { size: 11, anchor: 'end' }));
    const value = formatDecimal(b.value, { decimals: 2, minDecimals: 2 });
    out.push(text(plot.x + w + 3, y + BAR - 2, value, { size: 10 }));
  });
  // Thresholds: a dashed line each, named in a row over the plot in the same colour.
  let labelX = plot.x;
  for (const t of chart.thresholds) {
    const x = g.x(t.min);
    const color = rgb(t.color);
    out.push(
      `<line x1="${x}" y1="${plot.y - 4}" x2="${x}" y2="${plot.y + plot.h}" stroke="#${color}" stroke-width="2" stroke-dasharray="6 3"/>`,
    );
    const label = `Ngưỡng ${t.label}`;
    out.push(`<rect x="${labelX}" y="${38}" width="14" height="3" fill="#${color}"/>`);
    out.push(text(labelX + 18, 44, label, { size: 11, bold: true, color }));
    // About 6.5 px a character of 11 px bold Times, then a gap.
    labelX += 18 + Math.ceil(label.length * 6.5) + 24;
  }
  out.push(
    `<line x1="${plot.x}" y1="${plot.y}" x2="${plot.x}" y2="${plot.y + plot.h}" stroke="#${INK}"/>`,
  );
  out.push(
    text(plot.x + plot.w / 2, g.height - 10, chart.valueTitle, {
      size: 11,
      anchor: 'middle',
      bold: true,
    }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${g.height}" viewBox="0 0 ${WIDTH} ${g.height}">${out.join('')}</svg>`;
}

/** The same drawing without text, at the same size: bars, grid, axis and threshold lines. */
function pngOf(chart: RankingChart, g: Geometry): Uint8Array {
  const colors = [
    'FFFFFF',
    INK,
    GRID,
    ...new Set([
      ...chart.bars.map((b) => rgb(b.color)),
      ...chart.thresholds.map((t) => rgb(t.color)),
    ]),
  ].slice(0, 16);
  const index = (hex: string) => Math.max(0, colors.indexOf(hex));
  const image = new IndexedImage(WIDTH, g.height, colors);
  const { plot } = g;
  for (let v = 0; v <= g.max; v += g.step) image.fill(g.x(v), plot.y, 1, plot.h, index(GRID));
  chart.bars.forEach((b, i) =>
    image.fill(plot.x, g.y(i), g.x(b.value) - plot.x, BAR, index(rgb(b.color))),
  );
  for (const t of chart.thresholds)
    for (let y = plot.y - 4; y < plot.y + plot.h; y += 9)
      image.fill(g.x(t.min) - 1, y, 2, 6, index(rgb(t.color)));
  image.fill(plot.x, plot.y, 1, plot.h, index(INK));
  return image.png();
}

export function chartPicture(chart: RankingChart): ChartPicture {
  const g = geometry(chart);
  return { svg: svgOf(chart, g), png: pngOf(chart, g), width: WIDTH, height: g.height };
}
