// Charts: adding one over a range (series and categories taken from it as Excel's Insert Chart
// does), its title, axes, legend, data labels, series (their categories and the fill of single
// points) and where it sits.

import { parseRect, type Rect } from './addresses';
import { fail } from './errors';
import {
  guard,
  type SheetModel,
  type StandinAxis,
  type StandinChart,
  type StandinSeries,
} from './model';
import { Obj } from './proxy';
import type { RangeObj } from './range';
import type { ProxyContext } from './types';

/** The chart types the stand-in knows (Excel.ChartType); another name is refused, as Excel does. */
const TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'BarClustered',
  'BarStacked',
  'Line',
  'LineMarkers',
  'Pie',
  'XYScatter',
  'Area',
]);

/** A colour as Excel takes it: #RRGGBB or a name. */
const COLOR = /^(#[0-9a-fA-F]{6}|[a-zA-Z]+)$/;

const isText = (sheet: SheetModel, r: number, c: number) =>
  typeof sheet.cell(r, c)?.value === 'string';

/**
 * Series of a source range, by columns or rows, as Excel's Insert Chart lays them out: a first row
 * (column) of text names the series, a first column (row) of text below it gives the categories.
 */
function seriesOf(sheet: SheetModel, rect: Rect, byRows: boolean): StandinSeries[] {
  const at = (i: number, j: number) =>
    (byRows ? [rect.r0 + j, rect.c0 + i] : [rect.r0 + i, rect.c0 + j]) as [number, number];
  const length = byRows ? rect.c1 - rect.c0 + 1 : rect.r1 - rect.r0 + 1;
  const count = byRows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
  const header = Array.from({ length: count }, (_, j) => isText(sheet, ...at(0, j))).some(Boolean);
  const first = header ? 1 : 0;
  const labelled =
    count > 1 &&
    first < length &&
    Array.from({ length: length - first }, (_, i) => isText(sheet, ...at(first + i, 0))).every(
      Boolean,
    );
  const span = (j: number): Rect => {
    const [r0, c0] = at(first, j);
    const [r1, c1] = at(length - 1, j);
    return { r0, c0, r1, c1 };
  };
  const out: StandinSeries[] = [];
  for (let j = labelled ? 1 : 0; j < count; j++) {
    const name = header ? sheet.cell(...at(0, j))?.value : null;
    out.push({
      name: typeof name === 'string' ? name : `Series${out.length + 1}`,
      values: span(j),
      ...(labelled ? { categories: span(0) } : {}),
      pointColors: {},
    });
  }
  return out;
}

export class ChartCollectionObj extends Obj<SheetModel> {
  protected _props = {};
  add(type: string, sourceData: RangeObj, seriesBy = 'Auto'): ChartObj {
    const chart = new ChartObj(this._ctx, this, 'Chart', { kind: 3, name: 'Add' }, undefined);
    const where = 'ChartCollection.add';
    this._call(
      'Add',
      [type, sourceData, seriesBy],
      (sheet) => {
        if (!TYPES.has(type)) fail('InvalidArgument', `Unknown chart type "${type}".`, where);
        const source = sourceData._nonNull(where);
        if (source.sheet !== sheet)
          fail('InvalidArgument', 'The range is on another worksheet.', where);
        guard(sheet, 'allowEditObjects', where);
        const rect = source.rect;
        // Auto: a series per column when the range is taller than wide, as Excel does.
        const byRows =
          seriesBy === 'Rows' || (seriesBy === 'Auto' && rect.c1 - rect.c0 > rect.r1 - rect.r0);
        const model: StandinChart = {
          type,
          series: seriesOf(sheet, rect, byRows),
          title: '',
          axes: {
            category: { title: '', reversePlotOrder: false },
            value: { title: '', reversePlotOrder: false },
          },
          legendVisible: true,
          showValues: false,
        };
        sheet.charts.push(model);
        chart._bind(model);
      },
      '1.1',
      [sourceData],
    );
    return chart;
  }
}

export class ChartObj extends Obj<StandinChart> {
  protected _props = {};
  get title(): TextObj<StandinChart> {
    return this._child(
      'title',
      () =>
        new TextObj<StandinChart>(
          this._ctx,
          this,
          'ChartTitle',
          { kind: 4, name: 'Title' },
          (c) => c as StandinChart,
          (c, v) => (c.title = v),
        ),
    );
  }
  get axes(): AxesObj {
    return this._child(
      'axes',
      () =>
        new AxesObj(
          this._ctx,
          this,
          'ChartAxes',
          { kind: 4, name: 'Axes' },
          (c) => c as StandinChart,
        ),
    );
  }
  get legend(): LegendObj {
    return this._child(
      'legend',
      () =>
        new LegendObj(
          this._ctx,
          this,
          'ChartLegend',
          { kind: 4, name: 'Legend' },
          (c) => c as StandinChart,
        ),
    );
  }
  get dataLabels(): DataLabelsObj {
    return this._child(
      'dataLabels',
      () =>
        new DataLabelsObj(
          this._ctx,
          this,
          'ChartDataLabels',
          { kind: 4, name: 'DataLabels' },
          (c) => c as StandinChart,
        ),
    );
  }
  get series(): SeriesCollectionObj {
    return this._child(
      'series',
      () =>
        new SeriesCollectionObj(
          this._ctx,
          this,
          'ChartSeriesCollection',
          { kind: 4, name: 'Series' },
          (c) => c as StandinChart,
        ),
    );
  }
  setPosition(startCell: string, endCell?: string) {
    const where = 'Chart.setPosition';
    this._call('SetPosition', [startCell, endCell ?? null], (c) => {
      c.position = {
        from: parseRect(startCell, where),
        ...(endCell ? { to: parseRect(endCell, where) } : {}),
      };
    });
  }
}

/** An object whose only member the adapter sets is `text` (chart and axis titles). */
class TextObj<T> extends Obj<T> {
  protected _props = {};
  constructor(
    ctx: ProxyContext,
    parent: Obj<unknown>,
    type: string,
    path: { kind: number; name: string },
    resolver: (p: unknown) => T,
    private readonly _setText: (t: T, v: string) => void,
  ) {
    super(ctx, parent, type, path, resolver);
  }
  set text(v: string) {
    this._set('text', v, (t) => {
      if (typeof v !== 'string')
        fail('InvalidArgument', 'The title must be text.', `${this._type}.text`);
      this._setText(t, v);
    });
  }
}

class AxesObj extends Obj<StandinChart> {
  protected _props = {};
  get categoryAxis(): AxisObj {
    return this._child(
      'categoryAxis',
      () =>
        new AxisObj(
          this._ctx,
          this,
          'ChartAxis',
          { kind: 4, name: 'CategoryAxis' },
          (c) => (c as StandinChart).axes.category,
        ),
    );
  }
  get valueAxis(): AxisObj {
    return this._child(
      'valueAxis',
      () =>
        new AxisObj(
          this._ctx,
          this,
          'ChartAxis',
          { kind: 4, name: 'ValueAxis' },
          (c) => (c as StandinChart).axes.value,
        ),
    );
  }
}

class AxisObj extends Obj<StandinAxis> {
  protected _props = {};
  get title(): TextObj<StandinAxis> {
    return this._child(
      'title',
      () =>
        new TextObj<StandinAxis>(
          this._ctx,
          this,
          'ChartAxisTitle',
          { kind: 4, name: 'Title' },
          (a) => a as StandinAxis,
          (a, v) => (a.title = v),
        ),
    );
  }
  set reversePlotOrder(v: boolean) {
    this._set('reversePlotOrder', v, (a) => (a.reversePlotOrder = v), '1.7');
  }
  set minimum(v: number) {
    this._set('minimum', v, (a) => (a.minimum = v));
  }
}

class LegendObj extends Obj<StandinChart> {
  protected _props = {};
  set visible(v: boolean) {
    this._set('visible', v, (c) => (c.legendVisible = v));
  }
}

class DataLabelsObj extends Obj<StandinChart> {
  protected _props = {};
  set showValue(v: boolean) {
    this._set('showValue', v, (c) => (c.showValues = v));
  }
}

class SeriesCollectionObj extends Obj<StandinChart> {
  protected _props = {};
  getItemAt(index: number): SeriesObj {
    return new SeriesObj(
      this._ctx,
      this,
      'ChartSeries',
      { kind: 3, name: 'GetItemAt', args: [index] },
      (c) =>
        (c as StandinChart).series[index] ??
        fail(
          'InvalidArgument',
          `The chart has no series ${index}.`,
          'ChartSeriesCollection.getItemAt',
        ),
    );
  }
}

class SeriesObj extends Obj<StandinSeries> {
  protected _props = {};
  setXAxisValues(sourceData: RangeObj) {
    const where = 'ChartSeries.setXAxisValues';
    this._call(
      'SetXAxisValues',
      [sourceData],
      (s) => (s.categories = { ...sourceData._nonNull(where).rect }),
      '1.7',
      [sourceData],
    );
  }
  get points(): PointsObj {
    return this._child(
      'points',
      () =>
        new PointsObj(
          this._ctx,
          this,
          'ChartPointsCollection',
          { kind: 4, name: 'Points' },
          (s) => s as StandinSeries,
        ),
    );
  }
}

interface PointTarget {
  series: StandinSeries;
  index: number;
}

class PointsObj extends Obj<StandinSeries> {
  protected _props = {};
  getItemAt(index: number): PointObj {
    return new PointObj(
      this._ctx,
      this,
      'ChartPoint',
      { kind: 3, name: 'GetItemAt', args: [index] },
      (s) => {
        const series = s as StandinSeries;
        const count = series.values.r1 - series.values.r0 + series.values.c1 - series.values.c0 + 1;
        return Number.isInteger(index) && index >= 0 && index < count
          ? { series, index }
          : fail(
              'InvalidArgument',
              `The series has no point ${index}.`,
              'ChartPointsCollection.getItemAt',
            );
      },
    );
  }
}

class PointObj extends Obj<PointTarget> {
  protected _props = {};
  get format(): PointFormatObj {
    return this._child(
      'format',
      () =>
        new PointFormatObj(
          this._ctx,
          this,
          'ChartPointFormat',
          { kind: 4, name: 'Format' },
          (p) => p as PointTarget,
        ),
    );
  }
}

class PointFormatObj extends Obj<PointTarget> {
  protected _props = {};
  get fill(): PointFillObj {
    return this._child(
      'fill',
      () =>
        new PointFillObj(
          this._ctx,
          this,
          'ChartFill',
          { kind: 4, name: 'Fill' },
          (p) => p as PointTarget,
        ),
    );
  }
}

class PointFillObj extends Obj<PointTarget> {
  protected _props = {};
  setSolidColor(color: string) {
    this._call('SetSolidColor', [color], (p) => {
      if (!COLOR.test(color))
        fail('InvalidArgument', `"${color}" is not a colour.`, 'ChartFill.setSolidColor');
      p.series.pointColors[p.index] = color;
    });
  }
}
