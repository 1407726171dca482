// Tells what each value is (run step, historical step, delta, stream event, list) and validates it with the
// library's validator for that kind. The library is imported from src/: dist/cli.js shares dist/index.js's chunks.
// Values come from JSON.parse: plain data, no getters (a key `__proto__` is an own key like any other).
import {
  historicalRunStepTraits,
  isHistoricalRunStepObject,
  isRunStepDeltaObject,
  isRunStepObject,
  isRunStepStreamEvent,
  isToolCall,
  isToolCallDelta,
  validateAnyRunStepList,
  validateAnyRunStepObject,
  validateHistoricalRunStepObject,
  validateRunStepDeltaObject,
  validateRunStepObject,
  validateRunStepStreamEvent,
  type ValidationIssue,
  type ValidationResult,
} from '../src/index.js';
import {
  AZURE_TOOL_CALL_TYPES,
  isAzureRunStepDeltaObject,
  isAzureRunStepObject,
  isAzureRunStepStreamEvent,
  isAzureToolCall,
  isAzureToolCallDelta,
  validateAzureRunStepDeltaObject,
  validateAzureRunStepObject,
  validateAzureRunStepStreamEvent,
} from '../src/azure/index.js';

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

/** A tool call held by a value: its `type`, and whether the tool call check for the value's kind accepts it. */
export interface ToolCallVerdict {
  readonly type: string;
  readonly valid: boolean;
}

/** The verdict on one value (or on one item of a list). */
export interface Verdict {
  readonly kind: Kind;
  /** Where in the value read from the input: `''`, or `data[2]` for a list's item. */
  readonly where: string;
  /** The step's (or delta's) `id`, when it has a string one. */
  readonly id: string | undefined;
  /** For stream events: the event name. */
  readonly event: string | undefined;
  /** Empty when valid; at most `maxIssues`. */
  readonly issues: readonly ValidationIssue[];
  /** How many issues were found: more than `issues.length` when some were left out. */
  readonly issueCount: number;
  /** Whether `issueCount` is all there is (the count stops at `countIssues`). */
  readonly issueCountExact: boolean;
  /** Why a value was not recognised at all (then `issues` is empty and the value counts as invalid). */
  readonly unrecognised: string | undefined;
  /** The step's `status`, when it has a string one. */
  readonly status: string | undefined;
  /** Each tool call it holds that has a string `type`, judged on its own. */
  readonly toolCalls: readonly ToolCallVerdict[];
}

/**
 * `maxIssues`: the issues listed per value; `countIssues`: the issues counted per value (at least `maxIssues`),
 * so that a report can say how many were left out; `azure`: run steps may also be Azure AI Foundry's.
 */
export interface Options {
  readonly maxIssues: number;
  readonly countIssues: number;
  readonly azure?: boolean;
}
type Dict = Readonly<Record<string, unknown>>;
type Check = (call: unknown) => boolean;

const RUN_STEP_EVENT = /^thread\.run\.step\./;
const NO_ISSUES: readonly ValidationIssue[] = [];
const hasOwn = (value: Dict, key: string) => Object.prototype.hasOwnProperty.call(value, key);

function _isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function _string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The tool calls in `details.tool_calls` that have a string `type`, each judged by `check`. */
function _toolCalls(details: unknown, check: Check): ToolCallVerdict[] {
  if (!_isDict(details) || !Array.isArray(details['tool_calls'])) return [];
  const calls: ToolCallVerdict[] = [];
  for (const call of details['tool_calls'] as unknown[]) {
    if (_isDict(call) && typeof call['type'] === 'string') calls.push({ type: call['type'], valid: check(call) });
  }
  return calls;
}

// A historical tool call (a `retrieval` call, a function call without `output`) has no guard of its own in the
// library: it is valid when a historical step that holds only it is. The step around it is valid by itself.
const HISTORICAL_STEP = {
  id: 'step_0',
  object: 'thread.run.step',
  created_at: 0,
  run_id: 'run_0',
  assistant_id: 'asst_0',
  thread_id: 'thread_0',
  type: 'tool_calls',
  status: 'completed',
  cancelled_at: null,
  completed_at: 0,
  expires_at: null,
  failed_at: null,
  last_error: null,
} as const;

function _isHistoricalToolCall(call: unknown): boolean {
  return isHistoricalRunStepObject({ ...HISTORICAL_STEP, step_details: { type: 'tool_calls', tool_calls: [call] } });
}

/** A short account of a value that is none of the kinds: its `object` or `event`, else its first keys. */
function _describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (!_isDict(value))
    return typeof value === 'string'
      ? `a string (${JSON.stringify(value.slice(0, 40))})`
      : `a ${typeof value} (${String(value)})`;
  if (typeof value['object'] === 'string') return `object ${JSON.stringify(value['object'].slice(0, 80))}`;
  // The first keys only: an object of a million keys is not listed whole.
  const keys: string[] = [];
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    if (keys.length === 5) {
      keys.push('…');
      break;
    }
    keys.push(/^[\w$]{1,40}$/.test(key) ? key : JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key));
  }
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
}

/** The issues of a failed check: the first `maxIssues`, and how many were found. */
function _issues(result: ValidationResult<unknown>, options: Options) {
  if (result.success) return { issues: NO_ISSUES, issueCount: 0, issueCountExact: true };
  const found = result.issues;
  return {
    issues: found.length > options.maxIssues ? found.slice(0, options.maxIssues) : found,
    issueCount: found.length,
    issueCountExact: found.length < options.countIssues,
  };
}

const VALID = { issues: NO_ISSUES, issueCount: 0, issueCountExact: true } as const;

function _verdict(
  kind: Kind,
  where: string,
  value: unknown,
  issues: ReturnType<typeof _issues>,
  fields: { status: unknown; calls: readonly ToolCallVerdict[]; event?: string },
): Verdict {
  return {
    kind,
    where,
    id: _isDict(value) ? _string(value['id']) : undefined,
    event: fields.event,
    ...issues,
    unrecognised: undefined,
    status: _string(fields.status),
    toolCalls: fields.calls,
  };
}

/** What the validators are asked for: every issue up to the count, of which the first `maxIssues` are shown. */
function _count(options: Options) {
  return { maxIssues: options.countIssues };
}

/**
 * A run step: current when the current validator accepts it, historical when the historical one does, and
 * with `--azure`, Azure's when the Azure profile's does. When none does, the issues of the kind it looks like:
 * Azure's when it shows an Azure-only step or tool call type (with `--azure`), historical when it shows a
 * trait only a past API version had (no `usage`, a `retrieval` call, a function call without `output`).
 */
function _step(value: Dict, where: string, options: Options): Verdict {
  const status = value['status'];
  const details = value['step_details'];
  const fields = (check: Check) => ({ status, calls: _toolCalls(details, check) });
  if (isRunStepObject(value)) return _verdict('run step', where, value, VALID, fields(isToolCall));
  if (isHistoricalRunStepObject(value)) {
    return _verdict('historical run step', where, value, VALID, fields(_isHistoricalToolCall));
  }
  if (options.azure === true) {
    if (isAzureRunStepObject(value)) return _verdict('azure run step', where, value, VALID, fields(isAzureToolCall));
    if (_looksAzure(value)) {
      const issues = _issues(validateAzureRunStepObject(value, _count(options)), options);
      return _verdict('azure run step', where, value, issues, fields(isAzureToolCall));
    }
  }
  const historical = historicalRunStepTraits(value).some((trait) => trait !== 'empty_file_search');
  const result = historical
    ? validateHistoricalRunStepObject(value, _count(options))
    : validateRunStepObject(value, _count(options));
  return _verdict(
    historical ? 'historical run step' : 'run step',
    where,
    value,
    _issues(result, options),
    fields(historical ? _isHistoricalToolCall : isToolCall),
  );
}

const AZURE_TYPES: ReadonlySet<string> = new Set(AZURE_TOOL_CALL_TYPES);

/** Whether a step shows what only Azure sends: an `activities` step, or a tool call of an Azure-only type. */
function _looksAzure(value: Dict): boolean {
  if (value['type'] === 'activities') return true;
  const details = value['step_details'];
  if (!_isDict(details) || !Array.isArray(details['tool_calls'])) return false;
  return (details['tool_calls'] as unknown[]).some(
    (call) => _isDict(call) && typeof call['type'] === 'string' && AZURE_TYPES.has(call['type']),
  );
}

/** Whether a delta's `step_details` show what only Azure sends: `activities`, or a chunk of an Azure-only type. */
function _looksAzureDelta(details: unknown): boolean {
  return _isDict(details) && _looksAzure({ type: details['type'], step_details: details });
}

const NONE = { status: undefined, calls: [] } as const;

/**
 * A list response: the envelope (checked once, with an empty `data`), then each item of `data` on its own. The
 * envelope is copied once per list, never per item: its keys cost once, whatever the number of items.
 */
function* _list(value: Dict, where: string, options: Options): Generator<Verdict, void, undefined> {
  const data = value['data'];
  const envelope = Array.isArray(data) ? { ...value, data: [] } : value;
  const issues = _issues(validateAnyRunStepList(envelope, _count(options)), options);
  yield _verdict('list', where, undefined, issues, NONE);
  if (!Array.isArray(data)) return;
  for (let index = 0; index < data.length; index++) {
    const item: unknown = data[index];
    const at = `${where}data[${index}]`;
    if (_isDict(item) && item['object'] === 'thread.run.step') yield _step(item, at, options);
    else {
      // Not a run step at all: what a list's item should be (any generation), with paths from the item.
      yield _verdict('run step', at, item, _issues(validateAnyRunStepObject(item, _count(options)), options), NONE);
    }
  }
}

/**
 * The name of a stream event that holds no run step (`thread.message.delta`, `thread.run.created`...), which is
 * counted as skipped; else `undefined`.
 * @param value A parsed JSON value.
 * @param event For a value read from an SSE frame: it is an event, whatever its shape.
 */
export function skippedEvent(value: unknown, event = false): string | undefined {
  if (!_isDict(value) || !(event || _isEvent(value))) return undefined;
  const name = value['event'];
  return typeof name === 'string' && !RUN_STEP_EVENT.test(name) ? name : undefined;
}

/** `{event, data}` without an `object`: a stream event as an SDK or a log writes it. */
function _isEvent(value: Dict): boolean {
  return hasOwn(value, 'event') && hasOwn(value, 'data') && value['object'] === undefined;
}

/**
 * Recognises a value and validates it; a list gives one verdict for its envelope and one per item, one at a time.
 * Call {@link skippedEvent} first: an event that holds no run step is not a verdict.
 * @param value A parsed JSON value.
 * @param where Where it sits in what was read (`''` for the value itself).
 * @param options `maxIssues` and `countIssues` for the validators, `azure`.
 * @param event For a value read from an SSE frame: it is an event, whatever its shape.
 * @returns The verdicts.
 */
export function* recognise(
  value: unknown,
  where: string,
  options: Options,
  event = false,
): Generator<Verdict, void, undefined> {
  if (_isDict(value)) {
    const object = value['object'];
    if (event || _isEvent(value)) {
      const name = value['event'];
      const data = _isDict(value['data']) ? value['data'] : {};
      const delta = _isDict(data['delta']) ? data['delta'] : {};
      const isDelta = name === 'thread.run.step.delta';
      // With --azure, Azure's checks when OpenAI's say no and the event passes them or shows an Azure kind.
      const azure =
        options.azure === true &&
        !isRunStepStreamEvent(value) &&
        (isAzureRunStepStreamEvent(value) ||
          (isDelta ? _looksAzureDelta(delta['step_details']) : _isDict(value['data']) && _looksAzure(data)));
      // The validators run their guard first: a valid event costs what the guard costs.
      const result = _issues(
        (azure ? validateAzureRunStepStreamEvent : validateRunStepStreamEvent)(value, _count(options)),
        options,
      );
      const calls = isDelta
        ? _toolCalls(delta['step_details'], azure ? isAzureToolCallDelta : isToolCallDelta)
        : _toolCalls(data['step_details'], azure ? isAzureToolCall : isToolCall);
      yield {
        ..._verdict('stream event', where, data, result, { status: data['status'], calls }),
        event: typeof name === 'string' ? name : undefined,
      };
      return;
    }
    if (object === 'thread.run.step') {
      yield _step(value, where, options);
      return;
    }
    if (object === 'thread.run.step.delta') {
      const delta = _isDict(value['delta']) ? value['delta'] : {};
      const azure =
        options.azure === true &&
        !isRunStepDeltaObject(value) &&
        (isAzureRunStepDeltaObject(value) || _looksAzureDelta(delta['step_details']));
      const result = _issues(
        (azure ? validateAzureRunStepDeltaObject : validateRunStepDeltaObject)(value, _count(options)),
        options,
      );
      yield _verdict('run step delta', where, value, result, {
        status: undefined,
        calls: _toolCalls(delta['step_details'], azure ? isAzureToolCallDelta : isToolCallDelta),
      });
      return;
    }
    if (object === 'list') {
      yield* _list(value, where, options);
      return;
    }
  }
  yield {
    kind: 'unrecognised',
    where,
    id: _isDict(value) ? _string(value['id']) : undefined,
    event: undefined,
    ...VALID,
    unrecognised: `not a run step, delta, stream event or list: ${_describe(value)}`,
    status: undefined,
    toolCalls: [],
  };
}
