import type { RangeStyle, SheetSpec, WorkbookPort, WorkbookRead, WritePlan } from '../workbook';

/** How a sheet looks: what the port's reads don't carry and the sheet view needs. */
export interface SheetLook {
  hidden: boolean;
  columnWidths: number[];
  hiddenColumns: number[];
  styles: RangeStyle[];
  frozenRows: number;
  tabColor?: string;
  /** The font of the sheet's cells (`SheetSpec.look`); LOOK's when absent. */
  font?: string;
}

function lookOf(spec: SheetSpec): SheetLook {
  return {
    hidden: spec.hidden,
    columnWidths: spec.columnWidths,
    hiddenColumns: spec.hiddenColumns,
    styles: spec.styles,
    frozenRows: spec.frozen.rows,
    font: spec.look.font.name,
    ...(spec.tabColor ? { tabColor: spec.tabColor } : {}),
  };
}

/** The look of a sheet as the opened file has it (the adapter reads it), for sheets not rewritten. */
export type FileLooks = (name: string) => SheetLook | undefined;

/**
 * The web app's workbook: a port over the open file's workbook (the file adapter, in its worker)
 * that tells its listeners after every write, so the sheet view reads the workbook again and the file
 * keeps its working copy, and keeps which sheet is in front (the host's `showSheet`). Opening
 * another file swaps the workbook underneath. Reads and writes pass through unchanged: the task
 * pane sees the same port the CLI uses.
 */
export class WebWorkbook<P extends WorkbookPort = WorkbookPort> implements WorkbookPort {
  private readonly listeners = new Set<() => void>();
  private readonly writeListeners = new Set<() => void>();
  private readonly looks = new Map<string, SheetLook>();
  private version = 0;
  private active: string | null = null;

  constructor(
    private current: P,
    private fileLooks: FileLooks = () => undefined,
  ) {}

  /** The workbook underneath (the adapter's own object, to save it). */
  get inner(): P {
    return this.current;
  }

  /** Puts another workbook underneath: a file opened, a new bloc, a restored working copy. */
  swap(inner: P, fileLooks: FileLooks = () => undefined): void {
    this.current = inner;
    this.fileLooks = fileLooks;
    this.looks.clear();
    this.active = null;
    this.changed();
  }

  read(names: readonly string[]): Promise<WorkbookRead> {
    return this.current.read(names);
  }

  async write(plan: WritePlan): Promise<void> {
    try {
      await this.current.write(plan);
      for (const spec of plan.replace) this.looks.set(spec.name, lookOf(spec));
    } finally {
      // Even a failed write may have changed something: the view reads again, the copy is kept.
      for (const l of this.writeListeners) l();
      this.changed();
    }
  }

  /** The layout thidua gave a sheet when it last wrote it whole, else the file's own. */
  look(name: string): SheetLook | undefined {
    return this.looks.get(name) ?? this.fileLooks(name);
  }

  /** The sheet the user or the task pane last brought to the front. */
  get activeSheet(): string | null {
    return this.active;
  }

  show(name: string): void {
    this.active = name;
    this.changed();
  }

  /** For React's useSyncExternalStore: a number that changes whenever the workbook or tab does. */
  readonly snapshot = (): number => this.version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called after every write (not after showing a sheet): the workbook changed. */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private changed() {
    this.version++;
    for (const l of this.listeners) l();
  }
}
