/*
 * The project's layers and which may import which (docs/architecture.md draws them). One ESLint
 * rule, `thidua/layers`, reads this table: an import against the arrows fails the lint, so a
 * feature lands in the right room by construction.
 *
 * A layer is a folder. Lower layers may import any file of the layers they are allowed. Doors (the
 * front doors: task pane, browser, CLI, ribbon commands) import only faces: a layer's `index.ts`.
 * A door reaches an adapter (Excel, .xlsx, Node files) only from its entry file, where it creates
 * the adapter; the browser door hosts the task pane through the pane's face, `pane.ts` (the pane's
 * index.tsx is its entry inside Excel).
 */
import path from 'node:path';

/** Folder → layer, the longest folder first. */
export const LAYERS = [
  { folder: 'src/core', name: 'core', may: [] },
  { folder: 'src/workbook', name: 'workbook', may: ['core'] },
  { folder: 'src/export', name: 'export', may: ['core'] },
  { folder: 'src/sample', name: 'sample', may: ['core'] },
  { folder: 'src/io/xlsx', name: 'io/xlsx', may: ['workbook', 'core'] },
  { folder: 'src/io/excel', name: 'io/excel', may: ['workbook', 'core'] },
  { folder: 'src/io/node', name: 'io/node', may: ['io/xlsx', 'workbook', 'core'] },
  { folder: 'src/io/browser', name: 'io/browser', may: [] },
  {
    folder: 'src/app',
    name: 'app',
    may: ['core', 'workbook', 'export', 'sample', 'io/xlsx', 'io/excel', 'io/browser'],
  },
  { folder: 'src/taskpane', name: 'taskpane', door: true, face: 'pane', may: DOOR_FACES() },
  { folder: 'src/web', name: 'web', door: true, may: [...DOOR_FACES(), 'taskpane'] },
  { folder: 'src/cli', name: 'cli', door: true, may: DOOR_FACES() },
  { folder: 'src/commands', name: 'commands', door: true, may: [] },
];

function DOOR_FACES() {
  return ['app', 'core', 'workbook', 'sample', 'io/browser'];
}

/** The files that create a door's adapter: the only ones that may import an adapter's face. */
export const ADAPTER_ENTRIES = {
  'src/taskpane/index.tsx': ['io/excel'],
  'src/web/index.tsx': ['io/xlsx'],
  'src/web/worker.ts': ['io/xlsx'],
  'src/cli/io.ts': ['io/xlsx', 'io/node'],
};

const SOURCE = /\.(tsx?|mjs|cjs|js)$/;

/** The layer of a project-relative path, or undefined outside src/. */
export function layerOf(file) {
  const f = file.split(path.sep).join('/');
  return LAYERS.find((l) => f === l.folder || f.startsWith(`${l.folder}/`));
}

const isFace = (target, layer) =>
  target === layer.folder ||
  target.replace(SOURCE, '') === `${layer.folder}/${layer.face ?? 'index'}`;

/** Why importing `target` from `file` (both project-relative) is against the layers, or null. */
export function wrongWay(file, target) {
  const from = layerOf(file);
  const to = layerOf(target);
  if (!from || !to || from === to) return null;
  const entry = ADAPTER_ENTRIES[file.split(path.sep).join('/')] ?? [];
  const allowed = from.may.includes(to.name) || entry.includes(to.name);
  if (!allowed)
    return `${from.name} may not import ${to.name} (${from.folder} → ${to.folder}); allowed: ${[...from.may, ...entry].join(', ') || 'nothing of the project'}`;
  if (from.door && !isFace(target, to))
    return `a door imports faces only: "${to.folder}" (its index.ts), not ${target}`;
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of docs/architecture.md' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    if (!layerOf(file)) return {};
    const check = (node) => {
      const spec = node?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec));
      const why = wrongWay(file, target.split(path.sep).join('/'));
      if (why) context.report({ node, message: `Import against the layers: ${why}.` });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export default { rules: { layers: rule } };
