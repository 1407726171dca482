// Tells what each value is (run step, historical step, delta, stream event, list) and validates it with the
// library's validator for that kind. The library is imported by its package name: dist/cli.js loads dist/index.js.
import {
  historicalRunStepTraits,
  isHistoricalRunStepObject,
  isRunStepDeltaObject,
  isRunStepObject,
  isRunStepStreamEvent,
  validateAnyRunStepList,
  validateHistoricalRunStepObject,
  validateRunStepDeltaObject,
  validateRunStepObject,
  validateRunStepStreamEvent,
  type ValidationIssue,
} from 'openai-run-step-guards';
import { AZURE_TOOL_CALL_TYPES, isAzureRunStepObject, validateAzureRunStepObject } from 'openai-run-step-guards/azure';

/** What the CLI counts a value as. */
export type Kind =
  'run step' | 'historical run step' | 'azure run step' | 'run step delta' | 'stream event' | 'list' | 'unrecognised';

/** The kinds, in the order the summary lists them. */
export const KINDS: readonly Kind[] = [
  'run step',
  'historical run step',
  'azure run step',
  'run step delta',
  'stream event',
  'list',
  'unrecognised',
];

/** The verdict on one value (or on one item of a list). */
export interface Verdict {
  readonly kind: Kind;
  /** Where in the value read from the input: `''`, or `data[2]` for a list's item. */
  readonly where: string;
  /** The step's (or delta's) `id`, when it has a string one. */
  readonly id: string | undefined;
  /** For stream events: the event name. */
  readonly event: string | undefined;
  /** Empty when valid. */
  readonly issues: readonly ValidationIssue[];
  /** Why a value was not recognised at all (then `issues` is empty and the value counts as invalid). */
  readonly unrecognised: string | undefined;
  /** The step's `status`, when it has a string one. */
  readonly status: string | undefined;
  /** The `type` of each tool call it holds (strings only). */
  readonly toolCallTypes: readonly string[];
}

/** `azure`: run steps may also be Azure AI Foundry's (`--azure`). */
type Options = { readonly maxIssues: number; readonly azure?: boolean };
type Emit = (verdict: Verdict) => void;
type Dict = Readonly<Record<string, unknown>>;

const RUN_STEP_EVENT = /^thread\.run\.step\./;
// The guards run first: they are faster than the validators, which run only to say why a value was rejected.
const OK = { success: true } as const;

function _isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function _string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The `type` of each tool call in `details.tool_calls`. */
function _toolCallTypes(details: unknown): string[] {
  if (!_isDict(details) || !Array.isArray(details['tool_calls'])) return [];
  const types: string[] = [];
  for (const call of details['tool_calls'] as unknown[]) {
    if (_isDict(call) && typeof call['type'] === 'string') types.push(call['type']);
  }
  return types;
}

/** A short account of a value that is none of the kinds: its `object` or `event`, else its keys. */
function _describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (!_isDict(value))
    return typeof value === 'string'
      ? `a string (${JSON.stringify(value.slice(0, 40))})`
      : `a ${typeof value} (${String(value)})`;
  if (typeof value['object'] === 'string') return `object ${JSON.stringify(value['object'])}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  return `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
}

function _verdict(
  kind: Kind,
  where: string,
  value: unknown,
  issues: readonly ValidationIssue[],
  fields: { status: unknown; details: unknown; event?: string },
): Verdict {
  return {
    kind,
    where,
    id: _isDict(value) ? _string(value['id']) : undefined,
    event: fields.event,
    issues,
    unrecognised: undefined,
    status: _string(fields.status),
    toolCallTypes: _toolCallTypes(fields.details),
  };
}

/**
 * A run step: current when the current validator accepts it, historical when the historical one does, and
 * with `--azure`, Azure's when the Azure profile's does. When none does, the issues of the kind it looks like:
 * Azure's when it shows an Azure-only step or tool call type (with `--azure`), historical when it shows a
 * trait only a past API version had (no `usage`, a `retrieval` call, a function call without `output`).
 */
function _step(value: Dict, where: string, options: Options, emit: Emit): void {
  const fields = { status: value['status'], details: value['step_details'] };
  if (isRunStepObject(value)) return emit(_verdict('run step', where, value, [], fields));
  if (isHistoricalRunStepObject(value)) return emit(_verdict('historical run step', where, value, [], fields));
  if (options.azure === true) {
    if (isAzureRunStepObject(value)) return emit(_verdict('azure run step', where, value, [], fields));
    if (_looksAzure(value)) {
      const result = validateAzureRunStepObject(value, options);
      return emit(_verdict('azure run step', where, value, result.success ? [] : result.issues, fields));
    }
  }
  const historical = historicalRunStepTraits(value).some((trait) => trait !== 'empty_file_search');
  const result = historical ? validateHistoricalRunStepObject(value, options) : validateRunStepObject(value, options);
  const issues = result.success ? [] : result.issues;
  emit(_verdict(historical ? 'historical run step' : 'run step', where, value, issues, fields));
}

const AZURE_TYPES: ReadonlySet<string> = new Set(AZURE_TOOL_CALL_TYPES);

/** Whether a step shows what only Azure sends: an `activities` step, or a tool call of an Azure-only type. */
function _looksAzure(value: Dict): boolean {
  if (value['type'] === 'activities') return true;
  return _toolCallTypes(value['step_details']).some((type) => AZURE_TYPES.has(type));
}

/** A list response: the envelope (checked with an empty `data`), then each item of `data` on its own. */
function _list(value: Dict, where: string, options: Options, emit: Emit): void {
  const data = value['data'];
  const envelope = Array.isArray(data) ? { ...value, data: [] } : value;
  const result = validateAnyRunStepList(envelope, options);
  const none = { status: undefined, details: undefined };
  emit({ ..._verdict('list', where, undefined, result.success ? [] : result.issues, none), id: undefined });
  if (!Array.isArray(data)) return;
  data.forEach((item: unknown, index) => {
    const at = `${where}data[${index}]`;
    if (_isDict(item) && item['object'] === 'thread.run.step') _step(item, at, options, emit);
    else {
      // Not a run step at all: the list validator says what the item should be (its paths start at the item).
      const check = validateAnyRunStepList({ ...value, data: [item] }, options);
      const issues = check.success ? [] : check.issues.map((issue) => ({ ...issue, path: issue.path.slice(2) }));
      emit(_verdict('run step', at, item, issues, none));
    }
  });
}

/**
 * Recognises a value and validates it; a list gives one verdict for its envelope and one per item.
 * @param value A parsed JSON value.
 * @param where Where it sits in what was read (`''` for the value itself).
 * @param options `maxIssues` for the validators.
 * @param emit Called with each verdict.
 * @param event For a value read from an SSE frame: it is an event, whatever its shape.
 * @returns `false` when the value is a stream event that holds no run step (counted as skipped), else `true`.
 */
export function recognise(value: unknown, where: string, options: Options, emit: Emit, event = false): boolean {
  if (_isDict(value)) {
    const object = value['object'];
    if (event || ('event' in value && 'data' in value && object === undefined)) {
      const name = value['event'];
      if (typeof name === 'string' && !RUN_STEP_EVENT.test(name)) return false;
      const result = isRunStepStreamEvent(value) ? OK : validateRunStepStreamEvent(value, options);
      const data = _isDict(value['data']) ? value['data'] : {};
      const delta = _isDict(data['delta']) ? data['delta'] : {};
      const details = name === 'thread.run.step.delta' ? delta['step_details'] : data['step_details'];
      emit({
        ..._verdict('stream event', where, data, result.success ? [] : result.issues, {
          status: data['status'],
          details,
        }),
        event: typeof name === 'string' ? name : undefined,
      });
      return true;
    }
    if (object === 'thread.run.step') {
      _step(value, where, options, emit);
      return true;
    }
    if (object === 'thread.run.step.delta') {
      const result = isRunStepDeltaObject(value) ? OK : validateRunStepDeltaObject(value, options);
      const delta = _isDict(value['delta']) ? value['delta'] : {};
      emit(
        _verdict('run step delta', where, value, result.success ? [] : result.issues, {
          status: undefined,
          details: delta['step_details'],
        }),
      );
      return true;
    }
    if (object === 'list') {
      _list(value, where, options, emit);
      return true;
    }
  }
  emit({
    kind: 'unrecognised',
    where,
    id: _isDict(value) ? _string(value['id']) : undefined,
    event: undefined,
    issues: [],
    unrecognised: `not a run step, delta, stream event or list: ${_describe(value)}`,
    status: undefined,
    toolCallTypes: [],
  });
  return true;
}
