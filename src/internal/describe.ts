/** Short, safe renderings of any value for error messages: never throws, never prints a whole payload. */

const _MAX_STRING = 40;

/** Renders a value in a few characters: strings quoted and truncated, objects named by kind. */
export function _describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > _MAX_STRING ? `${value.slice(0, _MAX_STRING)}…` : value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'boolean':
    case 'undefined':
      return String(value);
    default:
      if (value === null) return 'null';
      try {
        return Array.isArray(value) ? 'an array' : 'an object';
      } catch {
        return 'a revoked proxy';
      }
  }
}
