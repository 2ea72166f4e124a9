// Rules on ranges: data validation (with Excel's limits on list sources, alerts and prompts) and
// data-bar conditional formats.

import { intersects, quoteSheet, rectAddress } from './addresses';
import { fail } from './errors';
import { guard, type StandinConditionalFormat, type StandinValidation } from './model';
import { Obj } from './proxy';
import type { RangeTarget } from './types';

export class DataValidationObj extends Obj<RangeTarget> {
  protected _props = {};
  private _entry(t: RangeTarget): StandinValidation {
    guard(t.sheet, null, 'DataValidation');
    let v = t.sheet.validations.find((x) => JSON.stringify(x.rect) === JSON.stringify(t.rect));
    if (!v) {
      t.sheet.validations = t.sheet.validations.filter((x) => !intersects(x.rect, t.rect));
      v = { rect: { ...t.rect } };
      t.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: Record<string, unknown>) {
    this._set(
      'rule',
      rule,
      (t) => {
        const where = 'DataValidation.rule';
        const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
        if (kinds.length !== 1)
          fail('InvalidArgument', 'A data validation rule has exactly one type.', where);
        const list = rule.list as { source?: unknown } | undefined;
        let stored = rule;
        // The source is a comma-separated string of at most 255 characters, or a Range
        // (ListDataValidation.source: string | Range), kept as a reference to its cells.
        if (list?.source instanceof Obj) {
          const { sheet, rect } = (list.source as Obj<RangeTarget>)._nonNull(where);
          const source = `=${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
          stored = { ...rule, list: { ...list, source } };
        } else if (list && (typeof list.source !== 'string' || list.source.length > 255))
          fail('InvalidArgument', 'The list source is longer than 255 characters.', where);
        // A rule over cells that already have another one is refused: clear() them first.
        const same = JSON.stringify(stored);
        if (
          t.sheet.validations.some(
            (x) => x.rule && intersects(x.rect, t.rect) && JSON.stringify(x.rule) !== same,
          )
        )
          fail('InvalidArgument', 'The range already has a different data validation rule.', where);
        this._entry(t).rule = stored;
      },
      '1.8',
    );
  }
  set errorAlert(alert: Record<string, unknown>) {
    this._set(
      'errorAlert',
      alert,
      (t) => {
        if (String(alert.message ?? '').length > 225 || String(alert.title ?? '').length > 32)
          fail('InvalidArgument', 'The error alert is too long.', 'DataValidation.errorAlert');
        this._entry(t).errorAlert = alert;
      },
      '1.8',
    );
  }
  set prompt(prompt: Record<string, unknown>) {
    this._set(
      'prompt',
      prompt,
      (t) => {
        if (String(prompt.message ?? '').length > 255 || String(prompt.title ?? '').length > 32)
          fail('InvalidArgument', 'The prompt is too long.', 'DataValidation.prompt');
        this._entry(t).prompt = prompt;
      },
      '1.8',
    );
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, (t) => (this._entry(t).ignoreBlanks = v), '1.8');
  }
}

export class ConditionalFormatsObj extends Obj<RangeTarget> {
  protected _props = {};
  add(type: string): ConditionalFormatObj {
    const cf = new ConditionalFormatObj(
      this._ctx,
      this,
      'ConditionalFormat',
      { kind: 3, name: 'Add', args: [type] },
      undefined,
    );
    this._call(
      'Add',
      [type],
      (t) => {
        guard(t.sheet, null, 'ConditionalFormatCollection.add');
        const model: StandinConditionalFormat = { rect: { ...t.rect }, type, dataBar: {} };
        t.sheet.conditionalFormats.push(model);
        cf._bind(model);
      },
      '1.6',
    );
    return cf;
  }
}

class ConditionalFormatObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  get dataBar(): DataBarObj {
    return this._child(
      'dataBar',
      () =>
        new DataBarObj(
          this._ctx,
          this,
          'DataBarConditionalFormat',
          { kind: 4, name: 'DataBar' },
          (m) => {
            const model = m as StandinConditionalFormat;
            return model.type === 'DataBar'
              ? model
              : fail('InvalidArgument', 'Not a data bar.', 'ConditionalFormat.dataBar');
          },
        ),
    );
  }
}

class DataBarObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  set lowerBoundRule(v: unknown) {
    this._set('lowerBoundRule', v, (m) => (m.dataBar.lowerBoundRule = v));
  }
  set upperBoundRule(v: unknown) {
    this._set('upperBoundRule', v, (m) => (m.dataBar.upperBoundRule = v));
  }
  set barDirection(v: unknown) {
    this._set('barDirection', v, (m) => (m.dataBar.barDirection = v));
  }
  get positiveFormat(): PositiveFormatObj {
    return this._child(
      'positiveFormat',
      () =>
        new PositiveFormatObj(
          this._ctx,
          this,
          'ConditionalDataBarPositiveFormat',
          { kind: 4, name: 'PositiveFormat' },
          (m) => m as StandinConditionalFormat,
        ),
    );
  }
}

class PositiveFormatObj extends Obj<StandinConditionalFormat> {
  protected _props = {};
  set fillColor(v: string) {
    this._set('fillColor', v, (m) => (m.dataBar.fillColor = v));
  }
  set gradientFill(v: boolean) {
    this._set('gradientFill', v, (m) => (m.dataBar.gradientFill = v));
  }
  set borderColor(v: string) {
    this._set('borderColor', v, (m) => (m.dataBar.borderColor = v));
  }
}
