// The request context: the queue of actions, sync (counted, payloads measured in UTF-8 bytes and
// refused over the limit, stopped at the first failing action), traces and the ExcelApi version
// check.

import { fail, StandinError } from './errors';
import type { Action, Exec, ObjectPath, ProxyContext, StandinState } from './types';
import { WorkbookObj } from './workbook';

export const versionValue = (v: string) => {
  const [a, b] = v.split('.').map(Number);
  return (a ?? 0) * 1000 + (b ?? 0);
};

export class Ctx implements ProxyContext {
  _nextId = 1;
  _queue: Action[] = [];
  _nullables: { _settleNull(exec: Exec): void }[] = [];
  readonly workbook: WorkbookObj;
  constructor(readonly _s: StandinState) {
    this.workbook = new WorkbookObj(
      this,
      undefined,
      'Workbook',
      { kind: 1, name: 'Workbook' },
      () => _s.book,
    );
  }

  _api(version: string, where: string) {
    if (versionValue(version) > versionValue(this._s.apiVersion))
      fail(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel (${where} needs ExcelApi ${version}).`,
        where,
      );
  }

  trace(message: string) {
    this._queue.push({
      json: { ActionType: 5, Name: 'Trace', ArgumentInfo: { Arguments: [message] } },
      obj: undefined,
      run: (exec) => exec.traces.push(message),
    });
  }

  /** The request as office.js would post it: its actions and the object paths they use. */
  private _request(queue: readonly Action[]): string {
    const paths = new Map<number, unknown>();
    const addPath = (o: ObjectPath | undefined) => {
      for (let p = o; p && !paths.has(p._id); p = p._parent)
        paths.set(p._id, {
          Id: p._id,
          ObjectPathType: p._path.kind,
          Name: p._path.name,
          ...(p._parent ? { ParentObjectPathId: p._parent._id } : {}),
          ...(p._path.args ? { ArgumentInfo: { Arguments: p._path.args } } : {}),
        });
    };
    const actions = queue.map((a, i) => {
      addPath(a.obj);
      a.args?.forEach(addPath);
      return { Id: i + 1, ...(a.obj ? { ObjectPathId: a.obj._id } : {}), ...a.json };
    });
    return JSON.stringify({ Actions: actions, ObjectPaths: Object.fromEntries(paths) });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const queue = this._queue;
    this._queue = [];
    const s = this._s;
    s.stats.syncs++;
    const requestBytes = Buffer.byteLength(this._request(queue), 'utf8');
    s.stats.requestBytes.push(requestBytes);
    if (requestBytes > s.payloadLimit)
      fail(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
        'RequestContext.sync',
      );
    const exec: Exec = { traces: [], commits: [], results: [] };
    for (const action of queue) {
      try {
        action.run(exec);
      } catch (e) {
        if (e instanceof StandinError) e.traceMessages = [...exec.traces];
        throw e;
      }
    }
    // office.js sets isNullObject of every *OrNullObject proxy of the request, loaded or not
    // (OfficeExtension.ClientObject.isNullObject: "call context.sync() before reading" it).
    const nullables = this._nullables;
    this._nullables = [];
    for (const n of nullables) n._settleNull(exec);
    const responseBytes = Buffer.byteLength(JSON.stringify({ Results: exec.results }), 'utf8');
    s.stats.responseBytes.push(responseBytes);
    if (responseBytes > s.payloadLimit) {
      const e = new StandinError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
        'RequestContext.sync',
      );
      e.traceMessages = [...exec.traces];
      throw e;
    }
    for (const commit of exec.commits) commit();
  }
}
