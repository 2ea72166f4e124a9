/**
 * manifest.xml, checked offline (`npm run validate` asks Microsoft's service, which needs the
 * network): well-formed, the elements the schema requires in the schema's order, https URLs, icons
 * that exist at the sizes they are declared, Excel only, ExcelApi ≥ 1.7, ReadWriteDocument, and a
 * Home-tab button that opens the task pane.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { child, childrenNamed, descendants, parseXml, XmlError, type XmlElement } from './xml';

const ROOT = path.resolve(__dirname, '../..');
const source = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DEV_URL = 'https://localhost:3000/';

/** Children of OfficeApp for a task-pane add-in, in the order of the schema (OfficeApp, then TaskPaneApp). */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];
const REQUIRED = OFFICE_APP_ORDER.filter((n) => !['AlternateId', 'Dictionary'].includes(n));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(signature) || b.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file a dev-server URL serves: assets are copied as they are, pages come from templates. */
function fileOf(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  const rel = url.slice(DEV_URL.length);
  const pages: Record<string, string> = {
    'taskpane.html': 'src/taskpane/taskpane.html',
    'commands.html': 'src/commands/commands.html',
  };
  return path.join(ROOT, pages[rel] ?? rel);
}

/** Asserts that the element names appear in `order`'s order, none unknown. */
function expectOrder(el: XmlElement, order: string[]) {
  const names = el.children.map((c) => c.name);
  for (const n of names)
    expect({ in: el.name, element: n, known: order.includes(n) }).toEqual({
      in: el.name,
      element: n,
      known: true,
    });
  const positions = names.map((n) => order.indexOf(n));
  expect({ in: el.name, names }).toEqual({
    in: el.name,
    names: [...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  });
  expect(new Set(positions).size).toBe(positions.length);
}

describe('the XML reader refuses what is not well-formed', () => {
  test.each([
    ['<a><b></a></b>', '</a> closes <b>'],
    ['<a>', 'never closed'],
    ['<a x=1/>', 'not quoted'],
    ['<a x="1" x="2"/>', 'repeated'],
    ['<a x="1"y="2"/>', 'space before an attribute'],
    ['<a>fish & chips</a>', 'does not start an entity'],
    ['<a/><b/>', 'after the root'],
    ['<a/>text', 'after the root'],
    ['<a><!-- a -- b --></a>', '"--" inside a comment'],
    ['<a x="<"/>', '"<" in a value'],
    ['just text', 'expected the root element'],
  ])('%s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  test('and reads what is, entities decoded', () => {
    const el = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><a k="x &amp; y"><b>1 &lt; 2 &#x111;</b><c/></a>\n',
    );
    expect(el.attrs.k).toBe('x & y');
    expect(el.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(el.children[0]!.text).toBe('1 < 2 đ');
  });
});

/** The manifest parsed, read again by each test so that a malformed file fails every one. */
function manifest() {
  const app = parseXml(source);
  const overrides = child(app, 'VersionOverrides');
  const resources = child(overrides, 'Resources');
  const resource = (kind: string, id: string) => {
    const found = descendants(child(resources, kind)).filter((e) => e.attrs.id === id);
    expect({ kind, id, found: found.length }).toEqual({ kind, id, found: 1 });
    return found[0]!.attrs.DefaultValue!;
  };
  return { app, overrides, resources, resource };
}

describe('manifest.xml', () => {
  test('is well-formed XML', () => {
    expect(() => parseXml(source)).not.toThrow();
  });

  test('is a task-pane add-in manifest (OfficeApp 1.1)', () => {
    const { app } = manifest();
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(app.attrs['xmlns:bt']).toBe(
      'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
    );
  });

  test('has the required elements, in schema order', () => {
    const { app } = manifest();
    const names = app.children.map((c) => c.name);
    for (const n of REQUIRED) expect(names).toContain(n);
    expectOrder(app, OFFICE_APP_ORDER);
  });

  test('identity: a GUID, a version in step with package.json, thidua in Vietnamese', () => {
    const { app } = manifest();
    expect(child(app, 'Id').text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(child(app, 'Version').text).toBe(`${pkg.version}.0`);
    expect(child(app, 'ProviderName').text).toBe('thidua');
    expect(child(app, 'DefaultLocale').text).toBe('vi-VN');
    expect(child(app, 'DisplayName').attrs.DefaultValue).toBe('Thi đua – Chấm điểm, xếp hạng');
    expect(child(app, 'DisplayName').attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    const description = child(app, 'Description').attrs.DefaultValue!;
    expect(description).toMatch(/xếp hạng/);
    expect(description.length).toBeLessThanOrEqual(250);
  });

  test('every URL is https, and every dev URL points to a file the build serves', () => {
    const { app } = manifest();
    const urls = descendants(app).flatMap((e) => [
      ...Object.entries(e.attrs)
        .filter(([k]) => !k.startsWith('xmlns') && k !== 'xsi:type')
        .map(([, v]) => v),
      e.text,
    ]);
    const found = urls.filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(found.length).toBeGreaterThan(8);
    for (const url of found) expect(url).toMatch(/^https:\/\//);
    for (const url of found.filter((u) => u.startsWith(DEV_URL)))
      expect({ url, exists: existsSync(fileOf(url)) }).toEqual({ url, exists: true });
  });

  test('icons exist at the sizes they are declared', () => {
    const { app, overrides, resource } = manifest();
    const expectSize = (url: string, size: number) =>
      expect({ url, ...pngSize(fileOf(url)) }).toEqual({ url, width: size, height: size });
    expectSize(child(app, 'IconUrl').attrs.DefaultValue!, 32);
    const high = child(app, 'HighResolutionIconUrl').attrs.DefaultValue!;
    expect([64, 80]).toContain(pngSize(fileOf(high)).width);
    expectSize(high, pngSize(fileOf(high)).width);
    const images = descendants(overrides).filter((e) => e.name === 'bt:Image' && e.attrs.resid);
    expect(images.length).toBeGreaterThanOrEqual(6);
    for (const img of images)
      expectSize(resource('bt:Images', img.attrs.resid!), Number(img.attrs.size));
    // Every declared image size of the ribbon: 16, 32, 80.
    expect(new Set(images.map((i) => i.attrs.size))).toEqual(new Set(['16', '32', '80']));
  });

  test('runs in Excel only, with ExcelApi 1.7 or later, reading and writing the workbook', () => {
    const { app } = manifest();
    expect(childrenNamed(child(app, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual([
      'Workbook',
    ]);
    const sets = child(child(app, 'Requirements'), 'Sets');
    const excel = childrenNamed(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
    expect(excel).toBeDefined();
    const version = (excel!.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? '1.1')
      .split('.')
      .map(Number);
    expect(version[0]! > 1 || (version[0] === 1 && version[1]! >= 7)).toBe(true);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
    expect(child(child(app, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  test('a button on the Home tab opens the task pane', () => {
    const { overrides, resources, resource } = manifest();
    expect(overrides.attrs.xmlns).toBe(
      'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
    );
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expectOrder(overrides, ['Description', 'Requirements', 'Hosts', 'Resources']);
    expectOrder(resources, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']);
    const host = child(child(overrides, 'Hosts'), 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const desktop = child(host, 'DesktopFormFactor');
    expectOrder(desktop, ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expect(resource('bt:Urls', child(desktop, 'FunctionFile').attrs.resid!)).toBe(
      `${DEV_URL}commands.html`,
    );
    const point = child(desktop, 'ExtensionPoint');
    expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(point, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const button = child(child(tab, 'Group'), 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(resource('bt:ShortStrings', child(button, 'Label').attrs.resid!)).toBe('Thi đua');
    const action = child(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(resource('bt:Urls', child(action, 'SourceLocation').attrs.resid!)).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  test('every resid resolves to a resource of the right kind, within the length limits', () => {
    const { overrides, resources, resource } = manifest();
    const kindOf: Record<string, string> = {
      'bt:Image': 'bt:Images',
      Label: 'bt:ShortStrings',
      Title: 'bt:ShortStrings',
      Description: 'bt:LongStrings',
      LearnMoreUrl: 'bt:Urls',
      FunctionFile: 'bt:Urls',
      SourceLocation: 'bt:Urls',
    };
    const refs = descendants(child(overrides, 'Hosts')).filter((e) => e.attrs.resid);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref.attrs.resid!.length).toBeLessThanOrEqual(32);
      expect(kindOf[ref.name]).toBeDefined();
      resource(kindOf[ref.name]!, ref.attrs.resid!);
    }
    const strings = (kind: string) =>
      descendants(child(resources, kind)).filter((e) => e.name === 'bt:String');
    for (const s of strings('bt:ShortStrings'))
      expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    for (const s of strings('bt:LongStrings'))
      expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
  });
});
