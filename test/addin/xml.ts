/**
 * A small strict XML reader for checking the manifest offline: it refuses what XML 1.0 calls not
 * well-formed (unclosed or crossed tags, unquoted or repeated attributes, a raw `<` or a stray `&`,
 * text or a second element after the root, `--` in a comment) and says where, by line and column.
 * No DTDs, no namespace resolution: prefixed names stay as written ("bt:Image").
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), children's text excluded, trimmed. */
  text: string;
  line: number;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const where = (at = pos) => {
    const before = source.slice(0, at).split('\n');
    return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
  };
  const fail = (message: string, at = pos): never => {
    throw new XmlError(`${message} (${where(at)})`);
  };
  const lineAt = (at: number) => source.slice(0, at).split('\n').length;
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  /** Decodes entities in text or an attribute value; a bare `&` is an error. */
  const decode = (raw: string, at: number): string => {
    let out = '';
    for (let i = 0; i < raw.length;) {
      if (raw[i] !== '&') {
        out += raw[i++];
        continue;
      }
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (!m) return fail('"&" that does not start an entity', at + i);
      out += m[1] ? NAMED[m[1]] : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
      i += m[0].length;
    }
    return out;
  };
  /** Comments and processing instructions, which may appear anywhere between markup. */
  const misc = (): boolean => {
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) fail('unclosed comment');
      const dashes = source.indexOf('--', pos + 4);
      if (dashes < end) fail('"--" inside a comment', dashes);
      pos = end + 3;
      return true;
    }
    if (source.startsWith('<?', pos)) {
      const end = source.indexOf('?>', pos + 2);
      if (end < 0) fail('unclosed processing instruction');
      pos = end + 2;
      return true;
    }
    if (source.startsWith('<!', pos)) fail('DTDs and declarations are not supported');
    return false;
  };

  const element = (): XmlElement => {
    const start = pos;
    pos++; // <
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = /\s/.test(source[pos] ?? '');
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name: tag, attrs, children: [], text: '', line: lineAt(start) };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos >= source.length) fail(`unclosed start tag <${tag}>`, start);
      if (!hadSpace) fail('expected a space before an attribute');
      const attrAt = pos;
      const attr = name();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute ${attr} has no value`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${attr}: value not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`attribute ${attr}: unclosed value`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) fail(`attribute ${attr}: "<" in a value`, pos + 1 + raw.indexOf('<'));
      if (attr in attrs) fail(`attribute ${attr} repeated`, attrAt);
      attrs[attr] = decode(raw, pos + 1);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`<${tag}> is never closed`, start);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}> (opened at ${where(start)})`);
        skipSpace();
        if (source[pos] !== '>') fail(`unclosed end tag </${closing}>`);
        pos++;
        return { name: tag, attrs, children, text: text.trim(), line: lineAt(start) };
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) fail('unclosed CDATA section');
        text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (misc()) continue;
      else if (source[pos] === '<') children.push(element());
      else {
        const next = source.indexOf('<', pos);
        const end = next < 0 ? source.length : next;
        const raw = source.slice(pos, end);
        if (raw.includes(']]>')) fail('"]]>" in text', pos + raw.indexOf(']]>'));
        text += decode(raw, pos);
        pos = end;
      }
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  for (;;) {
    skipSpace();
    if (!misc()) break;
  }
  if (source[pos] !== '<') fail('expected the root element');
  const root = element();
  for (;;) {
    skipSpace();
    if (pos >= source.length) break;
    if (!misc()) fail('content after the root element');
  }
  return root;
}

/** The child elements of `el` named `name`. */
export const childrenNamed = (el: XmlElement, name: string) =>
  el.children.filter((c) => c.name === name);

/** The one child named `name`; throws when it is missing or repeated. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  if (found.length !== 1)
    throw new XmlError(`<${el.name}> (line ${el.line}) has ${found.length} <${name}>, expected 1`);
  return found[0]!;
}

/** Every element under `el` (itself included), depth first. */
export function descendants(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(descendants)];
}
