/**
 * The layers of docs/architecture.md hold: the lint rule refuses an import against them, and no
 * two folders import each other in a circle.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

const PROBES: Record<string, [file: string, code: string]> = {
  coreUp: ['src/core/probe.ts', "import { SHEETS } from '../workbook';\n"],
  workbookUp: ['src/workbook/probe.ts', "export { createSession } from '../app';\n"],
  doorDeep: [
    'src/taskpane/tabs/Probe.tsx',
    "import { scoreUnit } from '../../core/scoring/score';\n",
  ],
  doorToDoor: ['src/taskpane/tabs/Probe.tsx', "import { WebApp } from '../../web/WebApp';\n"],
  doorToAdapter: ['src/cli/commands/probe.ts', "import { loadXlsx } from '../../io/node';\n"],
  doorFace: ['src/taskpane/tabs/Probe.tsx', "import { scoreUnit } from '../../core';\n"],
  entryAdapter: ['src/cli/io.ts', "export { loadXlsx } from '../io/node';\n"],
  lowerDeep: ['src/workbook/probe.ts', "import { nfc } from '../core/text/vietnamese';\n"],
};

/**
 * Lints imaginary files through the project's own ESLint configuration (in one child process, so
 * the configuration loads once): the messages of the layer rule, per probe.
 */
function layerErrors(): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint();
      const out = {};
      for (const [name, [filePath, code]] of Object.entries(probes)) {
        const [report] = await eslint.lintText(code, { filePath });
        out[name] = report.messages.filter((m) => m.ruleId === 'thidua/layers').map((m) => m.message);
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(2); });`;
  const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(PROBES)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string[]>;
}

describe('the layer rule', () => {
  let errors: Record<string, string[]>;
  beforeAll(() => {
    errors = layerErrors();
  });

  it('refuses a lower layer importing a higher one', () => {
    expect(errors.coreUp).toEqual([expect.stringContaining('core may not import workbook')]);
    expect(errors.workbookUp).toEqual([expect.stringContaining('workbook may not import app')]);
  });

  it('refuses a door reaching past a face, into another door or an adapter', () => {
    expect(errors.doorDeep).toEqual([expect.stringContaining('a door imports faces only')]);
    expect(errors.doorToDoor).toEqual([expect.stringContaining('taskpane may not import web')]);
    expect(errors.doorToAdapter).toEqual([expect.stringContaining('cli may not import io/node')]);
  });

  it('lets imports along the arrows through', () => {
    expect(errors.doorFace).toEqual([]);
    expect(errors.entryAdapter).toEqual([]);
    expect(errors.lowerDeep).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ].find((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
}

/** Every relative import of src/ (static, re-exports and dynamic), file → files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g;
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(pattern)].flatMap((m) => resolveImport(file, m[1]!) ?? []);
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components: the circles of the graph. */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  it('reads the imports it checks', () => {
    const graph = importGraph();
    const app = graph.get(path.join(ROOT, 'src/app/session.ts'))!;
    expect(app).toContain(path.join(ROOT, 'src/app/workbook-actions.ts'));
    expect(
      circles(
        new Map([
          ['a/x.ts', ['b/y.ts']],
          ['b/y.ts', ['a/x.ts']],
        ]),
      ),
    ).toHaveLength(1);
  });

  it('has no circle between files of different folders', () => {
    const crossing = circles(importGraph())
      .filter((c) => new Set(c.map((f) => path.dirname(f))).size > 1)
      .map((c) => c.map((f) => path.relative(ROOT, f)).sort());
    expect(crossing).toEqual([]);
  });
});
