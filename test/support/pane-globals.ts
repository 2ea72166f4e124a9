// What jest 29's jsdom environment lacks and the pane's code needs as soon as it loads: ExcelJS
// (the in-memory workbook behind the session) uses TextEncoder/TextDecoder, and src/core/quota
// uses structuredClone. Import this module before any other, so that it runs before they load
// (ts-jest emits CommonJS, in source order). The test file's docblock still has to ask for the
// jsdom environment with Node's export conditions:
//   @jest-environment jsdom
//   @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
import { TextDecoder, TextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

Object.assign(globalThis, {
  TextEncoder,
  TextDecoder,
  structuredClone: (v: unknown) => deserialize(serialize(v)),
});
