import type { RangeStyle, SheetSpec, WorkbookPort, WorkbookRead, WritePlan } from '../workbook';

/** How a sheet was laid out when thidua last wrote it whole (what the port's reads don't carry). */
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

/**
 * The preview's workbook: a port (the in-memory file adapter) that tells its listeners after every
 * write, so the sheet view reads the workbook again, and keeps which sheet is in front (the host's
 * `showSheet`). It passes reads and writes through unchanged: the task pane sees the same port the
 * CLI uses.
 */
export class PreviewWorkbook implements WorkbookPort {
  private readonly listeners = new Set<() => void>();
  private readonly looks = new Map<string, SheetLook>();
  private version = 0;
  private active: string | null = null;

  constructor(private readonly inner: WorkbookPort) {}

  read(names: readonly string[]): Promise<WorkbookRead> {
    return this.inner.read(names);
  }

  async write(plan: WritePlan): Promise<void> {
    try {
      await this.inner.write(plan);
      for (const spec of plan.replace) this.looks.set(spec.name, lookOf(spec));
    } finally {
      // Even a failed write may have changed something: the view reads again either way.
      this.changed();
    }
  }

  /** The layout thidua gave a sheet, if it wrote the sheet whole in this session. */
  look(name: string): SheetLook | undefined {
    return this.looks.get(name);
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

  private changed() {
    this.version++;
    for (const l of this.listeners) l();
  }
}
