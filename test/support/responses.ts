// OpenAI's schemas of the Responses / Conversations input items (test/fixtures/responses/input-items.json),
// compiled with ajv: the reference every item the converter makes is validated against. And the rules of
// SOURCE.md that a schema cannot state (ids, pairing), as one function the tests call on every output.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { FIXTURES_DIR } from './fixtures.js';

const SCHEMAS: Record<string, unknown> = JSON.parse(readFileSync(`${FIXTURES_DIR}responses/input-items.json`, 'utf8'));

const ajv = new Ajv2020({
  strict: true,
  strictNumbers: true,
  allErrors: false,
  // The OpenAPI document's `format: uri`: an absolute URL.
  formats: { uri: (value: string) => URL.canParse(value) },
  // Annotations of the OpenAPI document; `discriminator` names the key its `oneOf` branches differ by, and the
  // `oneOf` itself is what is enforced (ajv's own discriminator wants each branch's `type: object` inline).
  keywords: ['x-stainless-const', 'example', 'components', 'discriminator'],
});
ajv.addSchema({ $id: 'openai', components: { schemas: SCHEMAS } });

/** The three item schemas the converter makes items of. */
const ITEM_SCHEMAS = ['EasyInputMessage', 'FunctionToolCall', 'FunctionCallOutputItemParam'] as const;
const validators = ITEM_SCHEMAS.map((name) => {
  const validate = ajv.getSchema(`openai#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`cannot compile ${name}`);
  return { name, validate };
});

/** The schema an item is validated against, by its `type`. */
function schemaFor(item: { type?: unknown }): (typeof validators)[number] {
  const name =
    item.type === 'function_call'
      ? 'FunctionToolCall'
      : item.type === 'function_call_output'
        ? 'FunctionCallOutputItemParam'
        : 'EasyInputMessage';
  return validators.find((validator) => validator.name === name)!;
}

/** Why `item` is not valid by OpenAI's schema of its type; `undefined` when it is. */
export function schemaErrors(item: unknown): string | undefined {
  const { name, validate } = schemaFor(item as { type?: unknown });
  return validate(item) ? undefined : `${name}: ${ajv.errorsText(validate.errors)}`;
}

/**
 * Asserts every rule of SOURCE.md on a converter's output: each item valid by its schema, no `id` (so no
 * Assistants id as an item id), every `function_call` right before its `function_call_output` (same `call_id`, 1
 * to 64 characters), every output right after its call, each `call_id` used once.
 */
export function expectAcceptedItems(items: readonly unknown[], where = ''): void {
  const callIds = new Set<string>();
  items.forEach((value, index) => {
    const item = value as Record<string, unknown>;
    const at = `${where} item ${index}`;
    expect(schemaErrors(item), at).toBeUndefined();
    expect(Object.getPrototypeOf(item), at).toBe(Object.prototype);
    expect('id' in item, `${at} has an id`).toBe(false);
    if (item['type'] === 'function_call') {
      const callId = item['call_id'] as string;
      expect(callId.length, at).toBeGreaterThanOrEqual(1);
      expect(callId.length, at).toBeLessThanOrEqual(64);
      expect(callIds.has(callId), `${at}: call_id used twice`).toBe(false);
      callIds.add(callId);
      const next = items[index + 1] as Record<string, unknown> | undefined;
      expect(next?.['type'], `${at}: its output follows`).toBe('function_call_output');
      expect(next?.['call_id'], at).toBe(callId);
    }
    if (item['type'] === 'function_call_output') {
      const previous = items[index - 1] as Record<string, unknown> | undefined;
      expect(previous?.['type'], `${at}: its call is right before it`).toBe('function_call');
      expect(previous?.['call_id'], at).toBe(item['call_id']);
      if (typeof item['output'] === 'string') expect((item['output'] as string).length).toBeLessThanOrEqual(10_485_760);
    }
  });
}
