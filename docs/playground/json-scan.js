// A JSON scanner that keeps positions: where each value of a text starts and ends, so that an issue's path
// (`step_details.tool_calls[0].function.output`) can be shown on the characters it names. It accepts exactly
// what JSON.parse accepts, in time linear in the text, and without recursion (an explicit stack), so that a
// deeply nested paste cannot overflow the call stack. Plain JavaScript, for the browser and for Node alike.

/** A scan that failed: what was expected, and where (an offset into the text). */
export class ScanError extends SyntaxError {
  constructor(message, position) {
    super(`${message} at position ${position}`);
    this.name = 'ScanError';
    this.position = position;
  }
}

/**
 * Steps taken by every scan since the page loaded: one per character or value the loops below look at. Tests
 * read it to show that the work is linear in the text (test/playground.test.ts); nothing else uses it.
 */
export const work = { steps: 0 };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first offset at or after `at` that is not JSON whitespace. */
function skipSpace(text, at) {
  let pos = at;
  for (;;) {
    work.steps++;
    const code = text.charCodeAt(pos);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return pos;
    pos++;
  }
}

/** The offset just after the string that starts (with its quote) at `at`. */
function stringEnd(text, at) {
  let pos = at + 1;
  for (;;) {
    work.steps++;
    if (pos >= text.length) throw new ScanError('unterminated string', at);
    const code = text.charCodeAt(pos);
    if (code === 0x22) return pos + 1;
    if (code < 0x20) throw new ScanError('control character in string', pos);
    if (code === 0x5c) {
      const next = text[pos + 1];
      if (next === 'u') {
        HEX4.lastIndex = pos + 2;
        if (!HEX4.test(text)) throw new ScanError('bad \\u escape', pos);
        pos += 6;
      } else if (ESCAPES.has(next)) pos += 2;
      else throw new ScanError('bad escape', pos);
    } else pos++;
  }
}

/**
 * Scans one JSON value, after any whitespace from `from`. Returns `{node, end}`: the value's node and the offset
 * just after it. A node is `{kind, start, end}` (`end` exclusive); an object's also has `members`, a Map from
 * each key to `{keyStart, keyEnd, node}` (for a repeated key, the last, as JSON.parse keeps it), an array's
 * `items`. Throws a ScanError where the text stops being JSON.
 */
export function scanValue(text, from = 0) {
  let pos = skipSpace(text, from);
  /** The open containers, innermost last; an object's frame holds the key whose value is being read. */
  const stack = [];

  /** Reads `"key":` at `at` into the frame; returns the offset of the value after it. */
  function readKey(frame, at) {
    if (text[at] !== '"') throw new ScanError('expected a key', at);
    const end = stringEnd(text, at);
    frame.key = { text: JSON.parse(text.slice(at, end)), keyStart: at, keyEnd: end };
    const colon = skipSpace(text, end);
    if (text[colon] !== ':') throw new ScanError('expected ":"', colon);
    return skipSpace(text, colon + 1);
  }

  for (;;) {
    work.steps++;
    let node;
    const ch = text[pos];
    if (ch === '{' || ch === '[') {
      const container =
        ch === '{'
          ? { kind: 'object', start: pos, end: -1, members: new Map() }
          : { kind: 'array', start: pos, end: -1, items: [] };
      const inner = skipSpace(text, pos + 1);
      if (text[inner] === (ch === '{' ? '}' : ']')) {
        container.end = inner + 1;
        node = container;
        pos = inner + 1;
      } else {
        const frame = { node: container, key: undefined };
        pos = ch === '{' ? readKey(frame, inner) : inner;
        stack.push(frame);
        continue;
      }
    } else if (ch === '"') {
      const end = stringEnd(text, pos);
      node = { kind: 'string', start: pos, end };
      pos = end;
    } else {
      NUMBER.lastIndex = pos;
      const number = NUMBER.exec(text);
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, pos));
      if (number !== null && number[0] !== '' && number[0] !== '-') {
        node = { kind: 'number', start: pos, end: pos + number[0].length };
      } else if (literal !== undefined) {
        node = { kind: literal === 'null' ? 'null' : 'boolean', start: pos, end: pos + literal.length };
      } else {
        throw new ScanError(pos >= text.length ? 'unexpected end of input' : 'unexpected character', pos);
      }
      pos = node.end;
    }

    // Hand the value to its container, and close every container that ends here.
    for (;;) {
      work.steps++;
      const frame = stack[stack.length - 1];
      if (frame === undefined) return { node, end: pos };
      const parent = frame.node;
      if (parent.kind === 'object') {
        parent.members.set(frame.key.text, { keyStart: frame.key.keyStart, keyEnd: frame.key.keyEnd, node });
      } else parent.items.push(node);
      pos = skipSpace(text, pos);
      const close = parent.kind === 'object' ? '}' : ']';
      if (text[pos] === ',') {
        const next = skipSpace(text, pos + 1);
        pos = parent.kind === 'object' ? readKey(frame, next) : next;
        break;
      }
      if (text[pos] !== close) throw new ScanError(`expected "," or "${close}"`, pos);
      pos++;
      parent.end = pos;
      stack.pop();
      node = parent;
    }
  }
}

/**
 * Every JSON value in a text, one after another (one document, NDJSON, or documents end to end). After a value
 * that is not JSON, the scan goes on at the next line. Returns `{values, errors}`: the values' nodes, and each
 * broken piece as `{start, end, position, message}`.
 */
export function scanAll(text) {
  const values = [];
  const errors = [];
  let pos = skipSpace(text, 0);
  while (pos < text.length) {
    try {
      const { node, end } = scanValue(text, pos);
      values.push(node);
      pos = skipSpace(text, end);
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      const lineEnd = text.indexOf('\n', error.position);
      const end = lineEnd === -1 ? text.length : lineEnd;
      work.steps += end - error.position;
      errors.push({ start: pos, end, position: error.position, message: `not JSON: ${error.message}` });
      pos = skipSpace(text, end);
    }
  }
  return { values, errors };
}

/**
 * The characters of the value at `path` (keys and array indices) under `node`: `{start, end, exact}`. When the
 * path leads to something the text does not hold (a missing key), the range is that of the deepest value on the
 * path that it does hold, and `exact` is false.
 */
export function locate(node, path) {
  let current = node;
  let matched = 0;
  for (const segment of path) {
    let next;
    if (current.kind === 'object' && typeof segment === 'string') next = current.members.get(segment)?.node;
    else if (current.kind === 'array' && typeof segment === 'number') next = current.items[segment];
    if (next === undefined) break;
    current = next;
    matched++;
  }
  return { start: current.start, end: current.end, exact: matched === path.length };
}
