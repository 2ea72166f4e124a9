/**
 * The web app's file adapter across a message boundary, as in its Web Worker: src/web/worker.ts
 * answering src/web/worker-port.ts over a real MessageChannel (structured clone, buffers handed
 * over), against the same adapter in-process. Also the open file writing its bytes once per state.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { createWorkbook } from '../../src/app';
import { openXlsx, sheetLayout, xlsxBytes, XlsxWorkbook } from '../../src/io/xlsx';
import { SAMPLE_BLOC, SAMPLE_DATA } from '../../src/sample';
import { WebWorkbook } from '../../src/web/web-workbook';
import { WorkbookFile, type FileServices, type WorkbookCodec } from '../../src/web/workbook-file';
import { workerCodec, type WorkerPort } from '../../src/web/worker-port';
import { InputError } from '../../src/workbook';

let page: MessagePort;
let codec: WorkbookCodec<WorkerPort>;

beforeAll(async () => {
  const channel = new MessageChannel();
  page = channel.port1;
  // The worker's global scope is its end of the channel.
  (globalThis as { self?: unknown }).self = channel.port2;
  await import('../../src/web/worker');
  codec = workerCodec(page as unknown as Worker);
});

afterAll(() => page.close());

/** The sample bloc's workbook written in-process, as bytes. */
async function sampleBytes(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.empty();
  await createWorkbook(wb, SAMPLE_BLOC, SAMPLE_DATA);
  return xlsxBytes(wb);
}

describe('the file adapter behind the worker port', () => {
  test('reads, layouts and bytes as the adapter in-process gives them', async () => {
    const bytes = await sampleBytes();
    const here = await openXlsx(bytes, 'khoi.xlsx');
    const there = await codec.open(bytes, 'khoi.xlsx');
    const { sheetNames } = await here.read([]);
    expect(sheetNames.length).toBeGreaterThan(5);
    expect(await there.read(sheetNames)).toEqual(await here.read(sheetNames));
    const looks = await codec.looks(there);
    for (const name of sheetNames) expect(looks(name)).toEqual(sheetLayout(here, name));
    expect(looks('Không có')).toBeUndefined();
    const saved = await openXlsx(await codec.bytes(there), 'lại.xlsx');
    expect(await saved.read(sheetNames)).toEqual(await here.read(sheetNames));
    codec.release(there);
  });

  test('a cell given a value shows its format: the looks follow the writes', async () => {
    const bytes = await sampleBytes();
    const here = await openXlsx(bytes, 'khoi.xlsx');
    const there = await codec.open(bytes, 'khoi.xlsx');
    const looks = await codec.looks(there);
    // An empty cell with a number format: the layout names the styles of cells with values only.
    let empty: { sheet: string; address: string } | undefined;
    for (const ws of here.workbook.worksheets)
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (!empty && cell.value === null && cell.numFmt && cell.numFmt !== 'General')
            empty = { sheet: ws.name, address: cell.address };
        }),
      );
    expect(empty).toBeDefined();
    const plan = { replace: [], update: [{ ...empty!, value: 4 }] };
    expect(looks(empty!.sheet)).toEqual(sheetLayout(here, empty!.sheet));
    const before = sheetLayout(here, empty!.sheet)!.styles.length;
    await here.write(plan);
    await there.write(plan);
    expect(sheetLayout(here, empty!.sheet)!.styles.length).toBe(before + 1);
    expect(looks(empty!.sheet)).toEqual(sheetLayout(here, empty!.sheet));
    codec.release(there);
  });

  test('the task pane writes a bloc into an empty workbook over it', async () => {
    const port = codec.empty();
    await createWorkbook(port, SAMPLE_BLOC, SAMPLE_DATA);
    const here = XlsxWorkbook.empty();
    await createWorkbook(here, SAMPLE_BLOC, SAMPLE_DATA);
    const { sheetNames } = await here.read([]);
    expect(await port.read(sheetNames)).toEqual(await here.read(sheetNames));
    codec.release(port);
  });

  test('a refused file arrives as the same InputError, in Vietnamese', async () => {
    const bad = new TextEncoder().encode('không phải sổ tính');
    const local = await openXlsx(bad, 'hỏng.xlsx').catch((e: unknown) => e);
    const remote = await codec.open(bad, 'hỏng.xlsx').catch((e: unknown) => e);
    expect(local).toBeInstanceOf(InputError);
    expect(remote).toBeInstanceOf(InputError);
    expect((remote as InputError).problems).toEqual((local as InputError).problems);
    expect((remote as InputError).message).toBe((local as InputError).message);
  });

  test('a released workbook is gone from the worker', async () => {
    const port = codec.empty();
    codec.release(port);
    await expect(port.read([])).rejects.toThrow(/Không có sổ tính số \d+/);
  });
});

describe('the open file', () => {
  /** The file over the worker, counting how often the workbook is written to bytes. */
  function countingFile() {
    let written = 0;
    const counting: WorkbookCodec<WorkerPort> = {
      ...codec,
      bytes: (port) => {
        written++;
        return codec.bytes(port);
      },
    };
    const kept: Uint8Array[] = [];
    const downloaded: Uint8Array[] = [];
    const files: FileServices = {
      keep: async (copy) => void kept.push(copy.bytes),
      drop: async () => undefined,
      download: (_, bytes) => void downloaded.push(bytes),
      writeTo: async () => false,
      pickSave: async () => null,
    };
    const file = new WorkbookFile(new WebWorkbook(codec.empty()), counting, files);
    return { file, kept, downloaded, written: () => written };
  }

  test('the working copy and a save right after share one write of the workbook', async () => {
    const { file, kept, downloaded, written } = countingFile();
    await file.openSample();
    await file.flush();
    expect(kept).toHaveLength(1);
    await file.save();
    expect(written()).toBe(1);
    expect(downloaded[0]).toBe(kept[0]);
    // After a write (any, even one that changes nothing) the workbook is written again.
    await file.workbook.write({ replace: [], update: [] });
    await file.save();
    expect(written()).toBe(2);
    expect(downloaded[1]).not.toBe(kept[0]);
  });
});
