// The proxy base: what every Excel object of the stand-in shares (queued sets, calls and loads,
// PropertyNotLoaded, null objects, navigation for loads like "format/font/bold").

import { fail, StandinError } from './errors';
import { SheetModel } from './model';
import type { Exec, ProxyContext } from './types';

export const NULL = Symbol('null object');
/** Proxy prototypes whose setter-only accessors were given a getter (_readableSetters). */
const READABLE = new WeakSet<object>();
export type Maybe<T> = T | typeof NULL;

export type Getter<T> = (t: T) => unknown;
/** Getters of any proxy type (a getter taking `never` accepts every target type). */
type Getters = Record<string, Getter<never>>;

/** A proxy: a path from the context to an object of the workbook, resolved at sync time. */
export abstract class Obj<T> {
  readonly _id: number;
  protected _bound = false;
  protected _target: Maybe<T> | undefined;
  readonly _loaded = new Map<string, unknown>();
  _nullKnown: boolean | undefined;
  private readonly _children = new Map<string, Obj<unknown>>();
  /** Scalar properties that can be loaded. */
  protected abstract readonly _props: Getters;

  constructor(
    readonly _ctx: ProxyContext,
    readonly _parent: Obj<unknown> | undefined,
    readonly _type: string,
    readonly _path: { kind: number; name: string; args?: unknown[] },
    private readonly _resolver: ((parent: unknown) => Maybe<T>) | undefined,
    readonly _version = '1.1',
  ) {
    this._id = _ctx._nextId++;
    if (_path.name.endsWith('OrNullObject')) _ctx._nullables.push(this);
    this._readableSetters();
  }

  /**
   * office.js throws PropertyNotLoaded when a property is read before it is loaded and synced, even
   * one the add-in has just set. A proxy class declaring only a setter would read undefined
   * instead, so every such accessor gets a getter that reads as a loaded property does (once per
   * class).
   */
  private _readableSetters() {
    for (
      let p: object | null = Object.getPrototypeOf(this) as object;
      p && p !== Obj.prototype && !READABLE.has(p);
      p = Object.getPrototypeOf(p) as object | null
    ) {
      READABLE.add(p);
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(p)))
        if (d.set && !d.get)
          Object.defineProperty(p, name, {
            ...d,
            get(this: Obj<unknown>) {
              return this._get(name);
            },
          });
    }
  }

  /** At sync: whether this *OrNullObject proxy is a null object, visible once the sync succeeds. */
  _settleNull(exec: Exec) {
    if (this._nullKnown !== undefined) return;
    let isNull: boolean;
    try {
      isNull = this._resolve() === NULL;
    } catch {
      return; // a proxy that cannot be resolved (newer API, deleted sheet) stays unknown
    }
    exec.commits.push(() => (this._nullKnown ??= isNull));
  }

  _bind(target: Maybe<T>) {
    this._bound = true;
    this._target = target;
  }

  /** The object this proxy stands for (resolved once, then kept, as Excel binds object paths). */
  _resolve(): Maybe<T> {
    this._ctx._api(this._version, this._type);
    if (this._bound) return this._target!;
    const parent = this._parent ? this._parent._resolve() : undefined;
    if (parent === NULL) {
      this._bind(NULL);
      return NULL;
    }
    const t = this._resolver!(parent);
    this._bind(t);
    return t;
  }

  _nonNull(where: string): T {
    const t = this._resolve();
    if (t === NULL)
      fail('ItemNotFound', 'The requested resource doesn\u2019t exist (null object).', where);
    if (t instanceof SheetModel && t.deleted)
      fail(
        'InvalidObjectPath',
        'The object path isn\u2019t working: the worksheet was deleted.',
        where,
      );
    if (
      typeof t === 'object' &&
      t !== null &&
      'sheet' in t &&
      (t as { sheet: SheetModel }).sheet.deleted
    )
      fail(
        'InvalidObjectPath',
        'The object path isn\u2019t working: the worksheet was deleted.',
        where,
      );
    return t as T;
  }

  /** A navigation property: always the same proxy. */
  protected _child<C extends Obj<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  /** Navigation properties by name (for loads like "format/protection/locked"). */
  protected _nav(name: string): Obj<unknown> | undefined {
    void name;
    return undefined;
  }

  /** Items of a collection (for loads like "items/name"). */
  protected _items(t: T): Obj<unknown>[] | undefined {
    void t;
    return undefined;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined)
      throw new StandinError(
        'PropertyNotLoaded',
        `The property 'isNullObject' is not available on ${this._type}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this._type}.isNullObject`,
      );
    return this._nullKnown;
  }

  protected _get<V>(name: string): V {
    if (this._nullKnown === true)
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${name}' is not available: ${this._type} is a null object (check isNullObject first).`,
        `${this._type}.${name}`,
      );
    if (!this._loaded.has(name))
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${name}' is not available on ${this._type}. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this._type}.${name}`,
      );
    return this._loaded.get(name) as V;
  }

  private _refused(where: string) {
    const code = this._ctx._s.refuse[where];
    if (code) fail(code, `Refused by the test (${where}).`, where);
  }

  protected _set(name: string, value: unknown, apply: (t: T) => void, version = '1.1') {
    const where = `${this._type}.${name}`;
    this._ctx._queue.push({
      json: { ActionType: 4, Name: name, ArgumentInfo: { Arguments: [value] } },
      obj: this,
      run: () => {
        this._ctx._api(version, where);
        this._refused(where);
        apply(this._nonNull(where));
      },
    });
  }

  protected _call(
    name: string,
    args: unknown[],
    apply: (t: T) => void,
    version = '1.1',
    objArgs: Obj<unknown>[] = [],
  ) {
    const where = `${this._type}.${name}`;
    this._ctx._queue.push({
      json: {
        ActionType: 3,
        Name: name,
        ArgumentInfo: { Arguments: args.map((a) => (a instanceof Obj ? { _Id: a._id } : a)) },
      },
      obj: this,
      args: objArgs,
      run: () => {
        this._ctx._api(version, where);
        this._refused(where);
        apply(this._nonNull(where));
        const calls = this._ctx._s.stats.calls;
        calls[where] = (calls[where] ?? 0) + 1;
      },
    });
  }

  load(arg?: string | string[] | { select?: string; expand?: string }): this {
    const paths =
      arg === undefined
        ? Object.keys(this._props)
        : typeof arg === 'string'
          ? arg.split(',')
          : Array.isArray(arg)
            ? arg
            : [...(arg.select?.split(',') ?? []), ...(arg.expand?.split(',') ?? [])];
    const clean = paths.map((p) => p.trim()).filter(Boolean);
    this._ctx._queue.push({
      json: { ActionType: 2, Name: '', QueryInfo: { Select: clean } },
      obj: this,
      run: (exec) => this._query(clean, exec),
    });
    return this;
  }

  /** Runs a load: values captured now, visible after the sync succeeds. */
  _query(paths: string[], exec: Exec) {
    const t = this._resolve();
    if (t === NULL) {
      exec.commits.push(() => (this._nullKnown = true));
      exec.results.push({ _Id: this._id, IsNullObject: true });
      return;
    }
    const where = `${this._type}.load`;
    this._nonNull(where);
    const own: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (rest.length) {
        nested.set(head!, [...(nested.get(head!) ?? []), rest.join('/')]);
        continue;
      }
      const getter = this._props[head!];
      if (!getter) fail('InvalidArgument', `Cannot load '${head}' on ${this._type}.`, where);
      own[head!] = getter!(t as never);
    }
    exec.commits.push(() => {
      this._nullKnown = false;
      for (const [k, v] of Object.entries(own)) this._loaded.set(k, v);
    });
    exec.results.push({ _Id: this._id, ...own });
    for (const [head, rest] of nested) {
      if (head === 'items') {
        const items = this._items(t);
        if (!items) fail('InvalidArgument', `${this._type} has no items.`, where);
        for (const item of items!) item._query(rest, exec);
        exec.commits.push(() => {
          this._nullKnown = false;
          this._loaded.set('items', items);
        });
        continue;
      }
      const child = this._nav(head);
      if (!child) fail('InvalidArgument', `Cannot load '${head}' on ${this._type}.`, where);
      child!._query(rest, exec);
    }
  }

  toJSON() {
    return Object.fromEntries(this._loaded);
  }
}

/** A collection's item, made from a known target. */
export function bound<O extends Obj<T>, T>(obj: O, target: T): O {
  obj._bind(target);
  return obj;
}
