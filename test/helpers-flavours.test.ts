// The helpers at run time with every flavour's values: the recorded Azure steps, a user's kinds (closed and
// open mode), stream events of Azure steps; and the handler lookup against hostile handler maps and types
// that name Object.prototype's members.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  RUN_STEP_STATUSES,
  TOOL_CALL_TYPES,
  createRunStepGuard,
  defineStepDetailsKind,
  defineToolCallKind,
  getToolCalls,
  getToolCallsByType,
  hasStatus,
  isInProgressStep,
  isMessageCreationStep,
  isTerminalStep,
  isToolCallsStep,
  matchStatus,
  matchStepType,
  matchStreamEvent,
  matchToolCall,
  type RunStepObject,
  type ToolCall,
  type ToolCallHandlers,
} from '../src/index.js';
import {
  AZURE_TOOL_CALL_TYPES,
  isAzureRunStepObject,
  type AzureRunStepObject,
  type AzureToolCall,
} from '../src/azure/index.js';
import { azureSteps } from './support/azure.js';
import { acceptedRunSteps, deepFreeze } from './support/fixtures.js';

const azure: AzureRunStepObject[] = azureSteps().map(({ source, step }) => {
  const frozen = deepFreeze(structuredClone(step));
  if (!isAzureRunStepObject(frozen)) throw new Error(`${source} is not an Azure run step`);
  return frozen;
});
const openAI = acceptedRunSteps().map(({ step }) => step as unknown as RunStepObject);

/** A handler per Azure kind, each answering the kind it was called for and the call's id. */
const byAzureKind = Object.fromEntries(
  [...TOOL_CALL_TYPES, ...AZURE_TOOL_CALL_TYPES].map((type) => [
    type,
    (call: AzureToolCall) => `${type}:${call.type === type ? call.id : 'WRONG'}`,
  ]),
) as unknown as ToolCallHandlers<AzureToolCall> & Record<string, (call: AzureToolCall) => string>;

describe('the helpers with Azure steps (test/fixtures/azure)', () => {
  const types = new Set(azure.map((step) => step.type));

  it('cover the three step types and every kind Azure adds', () => {
    expect([...types].sort()).toEqual(['activities', 'message_creation', 'tool_calls']);
    const kinds = new Set(azure.flatMap((step) => getToolCalls(step).map((call) => call.type)));
    expect([...kinds].sort()).toEqual([...AZURE_TOOL_CALL_TYPES].sort());
  });

  it('narrow by type: an activities step is neither a message creation nor a tool calls step', () => {
    for (const step of azure) {
      expect([isMessageCreationStep(step), isToolCallsStep(step)]).toEqual([
        step.type === 'message_creation',
        step.type === 'tool_calls',
      ]);
    }
  });

  it('list the calls as a new array, [] for message creation and activities steps', () => {
    for (const step of azure) {
      const calls = getToolCalls(step);
      if (step.type === 'tool_calls') {
        expect(calls).toEqual(step.step_details.tool_calls);
        expect(calls).not.toBe(step.step_details.tool_calls);
      } else expect(calls).toEqual([]);
    }
  });

  it('keep the calls of one Azure kind, in order', () => {
    let kept = 0;
    for (const step of azure) {
      const all = getToolCalls(step);
      for (const type of [...TOOL_CALL_TYPES, ...AZURE_TOOL_CALL_TYPES]) {
        const calls = getToolCallsByType(step, type);
        expect(calls).toEqual(all.filter((call) => call.type === type));
        kept += calls.length;
      }
      const mcp = getToolCallsByType(step, 'mcp');
      for (const call of mcp) expect(typeof call.name).toBe('string');
    }
    expect(kept).toBe(azure.reduce((sum, step) => sum + getToolCalls(step).length, 0));
  });

  it('answer for the status of every step, failed ones included', () => {
    expect(azure.some((step) => step.status === 'failed')).toBe(true);
    for (const step of azure) {
      for (const status of RUN_STEP_STATUSES)
        expect(hasStatus(step, status as 'completed')).toBe(step.status === status);
      expect(isTerminalStep(step)).toBe(step.status !== 'in_progress');
      expect(isInProgressStep(step)).toBe(step.status === 'in_progress');
      expect(
        matchStatus(step, {
          in_progress: () => 'running',
          cancelled: () => 'cancelled',
          failed: (s) => `failed: ${s.last_error?.code}`,
          completed: () => 'completed',
          expired: () => 'expired',
        }),
      ).toBe(step.status === 'failed' ? `failed: ${step.last_error?.code}` : step.status);
    }
  });

  it('matchStepType calls the activities handler for an activities step', () => {
    const seen = azure.map((step) =>
      matchStepType(step, {
        message_creation: (s) => `message ${s.step_details.message_creation.message_id}`,
        tool_calls: (s) => `tools ${s.step_details.tool_calls.length}`,
        activities: (s) => `activities ${s.step_details.activities.map((a) => a.server_label).join(',')}`,
      }),
    );
    expect(seen).toEqual(
      azure.map((step) =>
        step.type === 'message_creation'
          ? `message ${step.step_details.message_creation.message_id}`
          : step.type === 'tool_calls'
            ? `tools ${step.step_details.tool_calls.length}`
            : `activities ${step.step_details.activities.map((a) => a.server_label).join(',')}`,
      ),
    );
    expect(seen.filter((line) => line.startsWith('activities ')).length).toBe(1);
  });

  it('matchToolCall calls the handler of each Azure kind, with the call and the handlers as this', () => {
    const calls = azure.flatMap((step) => getToolCalls(step));
    expect(calls.map((call) => matchToolCall(call, byAzureKind))).toEqual(
      calls.map((call) => `${call.type}:${call.id}`),
    );
    const self: unknown[] = [];
    const handlers = {
      ...byAzureKind,
      mcp(this: unknown) {
        self.push(this);
        return 'mcp';
      },
    };
    for (const call of calls) matchToolCall(call, handlers);
    expect(self).toEqual([handlers]);
  });

  it('matchStreamEvent takes the events of Azure steps', () => {
    const step = azure.find((s) => s.type === 'activities')!;
    const events = [
      { event: 'thread.run.step.created', data: step },
      { event: 'thread.run.step.completed', data: step },
    ] as const;
    const handled = events.map((event) =>
      matchStreamEvent(event, {
        'thread.run.step.created': (e) => `created ${e.data.type}`,
        'thread.run.step.in_progress': () => 'in_progress',
        'thread.run.step.delta': () => 'delta',
        'thread.run.step.completed': (e) => `completed ${e.data.id}`,
        'thread.run.step.failed': () => 'failed',
        'thread.run.step.cancelled': () => 'cancelled',
        'thread.run.step.expired': () => 'expired',
      }),
    );
    expect(handled).toEqual(['created activities', `completed ${step.id}`]);
    expect(() => matchStreamEvent({ event: 'thread.run.created', data: step } as never, {} as never)).toThrow(
      /^matchStreamEvent: unknown event "thread\.run\.created" \(expected one of: thread\.run\.step\.created, /,
    );
  });
});

describe('the helpers with a user’s kinds', () => {
  interface WeatherCall {
    id: string;
    type: 'weather_lookup';
    weather_lookup: { city: string };
  }
  interface Checklist {
    type: 'checklist';
    checklist: { items: string[] };
  }
  const weather = defineToolCallKind(
    'weather_lookup',
    (value: unknown): value is WeatherCall => typeof (value as WeatherCall | null)?.weather_lookup?.city === 'string',
  );
  const checklist = defineStepDetailsKind('checklist', (value: unknown): value is Checklist =>
    Array.isArray((value as Checklist | null)?.checklist?.items),
  );
  const guards = createRunStepGuard({ toolCalls: [weather], stepDetails: [checklist] });
  const base = openAI.find(
    (step) => step.type === 'tool_calls' && getToolCalls(step).some((c) => c.type === 'function'),
  )!;
  const fn = getToolCallsByType(base, 'function')[0]!;
  const raw = [
    {
      ...base,
      step_details: {
        type: 'tool_calls',
        tool_calls: [{ id: 'call_w', type: 'weather_lookup', weather_lookup: { city: 'Oslo' } }, fn],
      },
    },
    { ...base, type: 'checklist', step_details: { type: 'checklist', checklist: { items: ['a', 'b'] } } },
    openAI.find((step) => step.type === 'message_creation')!,
  ];
  const steps = raw.map((value: unknown) => {
    if (!guards.is(value)) throw new Error('not a step of the flavour');
    return value;
  });

  it('narrow, list and pick the user’s kind', () => {
    expect(steps.map((step) => [isToolCallsStep(step), isMessageCreationStep(step)])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(getToolCalls(steps[0]!)).toEqual(
      raw[0]!.step_details.type === 'tool_calls' && raw[0]!.step_details.tool_calls,
    );
    expect(getToolCallsByType(steps[0]!, 'weather_lookup').map((call) => call.weather_lookup.city)).toEqual(['Oslo']);
    expect(getToolCallsByType(steps[0]!, 'function')).toEqual([fn]);
    expect(getToolCalls(steps[1]!)).toEqual([]);
  });

  it('match the user’s step type and call kind', () => {
    expect(
      steps.map((step) =>
        matchStepType(step, {
          message_creation: () => 'message',
          tool_calls: (s) => s.step_details.tool_calls.map((call) => call.type).join('+'),
          checklist: (s) => s.step_details.checklist.items.join(','),
        }),
      ),
    ).toEqual(['weather_lookup+function', 'a,b', 'message']);
    const handlers = {
      code_interpreter: () => 'code',
      file_search: () => 'search',
      function: (call: ToolCall) => `function ${call.id}`,
      weather_lookup: (call: WeatherCall) => `weather in ${call.weather_lookup.city}`,
    };
    expect(getToolCalls(steps[0]!).map((call) => matchToolCall(call, handlers))).toEqual([
      'weather in Oslo',
      `function ${fn.id}`,
    ]);
    // Without the user kind's handler (a map typed for OpenAI's kinds, say), the call throws, naming it.
    const { weather_lookup: _, ...openAIOnly } = handlers;
    expect(() => matchToolCall(getToolCalls(steps[0]!)[0]!, openAIOnly as never)).toThrow(
      new TypeError('matchToolCall: no handler for tool call type "weather_lookup"'),
    );
  });

  it('in the open mode, an unknown call is split off by isKnownToolCall, or found by its own type', () => {
    const open = createRunStepGuard({ toolCalls: [weather], unknownToolCalls: 'accept' });
    const value = {
      ...base,
      step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_x', type: 'shell', shell: { command: 'ls' } }, fn] },
    };
    if (!open.is(value)) throw new Error('the open mode rejected it');
    const calls = getToolCalls(value);
    expect(getToolCallsByType(value, 'shell')).toEqual([calls[0]]);
    expect(getToolCallsByType(value, 'function')).toEqual([fn]);
    const handlers = {
      code_interpreter: () => 'code',
      file_search: () => 'search',
      function: () => 'function',
      weather_lookup: () => 'weather',
    };
    const described = calls.map((call) =>
      open.isKnownToolCall(call) ? matchToolCall(call, handlers) : `unknown ${call.type}`,
    );
    expect(described).toEqual(['unknown shell', 'function']);
    // The types refuse an UnknownToolCall; at run time its own type finds a handler of that name, or throws.
    expect(matchToolCall(calls[0]! as never, { ...handlers, shell: () => 'shell' } as never)).toBe('shell');
    expect(() => matchToolCall(calls[0]! as never, handlers as never)).toThrow(
      new TypeError('matchToolCall: no handler for tool call type "shell"'),
    );
  });
});

describe('the handler lookup', () => {
  const completed = openAI.find((step) => step.status === 'completed')!;
  const inherited = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
  const call = (type: unknown) => ({ id: 'call_1', type }) as unknown as ToolCall;
  const fullMap = () => {
    const called: string[] = [];
    const handlers = Object.fromEntries(
      [...TOOL_CALL_TYPES, ...AZURE_TOOL_CALL_TYPES].map((type) => [type, () => called.push(type)]),
    );
    return { called, handlers };
  };

  it('never takes a member of Object.prototype: a type naming one has no handler', () => {
    const { called, handlers } = fullMap();
    class Methods {
      function() {
        return 'method';
      }
    }
    const maps: object[] = [handlers, new Methods(), Object.create(null), {}];
    for (const type of inherited) {
      for (const map of maps) {
        expect(() => matchToolCall(call(type), map as never)).toThrow(
          new TypeError(`matchToolCall: no handler for tool call type "${type}"`),
        );
        expect(() => matchStepType({ ...completed, type } as never, map as never)).toThrow(
          new TypeError(`matchStepType: no handler for type "${type}"`),
        );
      }
    }
    expect(called).toEqual([]);
  });

  it('calls a handler the map owns under such a name, and one a class defines', () => {
    const own = Object.defineProperty({}, '__proto__', { value: () => 'own __proto__', enumerable: true });
    expect(matchToolCall(call('__proto__'), own as never)).toBe('own __proto__');
    const json = JSON.parse('{"__proto__": 1, "toString": 2}') as object;
    expect(() => matchToolCall(call('__proto__'), json as never)).toThrow(
      'matchToolCall: no handler for tool call type "__proto__"',
    );
    class Base {
      constructor() {}
      toString() {
        return 'class toString';
      }
    }
    class Derived extends Base {
      mcp() {
        return 'inherited mcp';
      }
    }
    expect(matchToolCall(call('toString'), new Derived() as never)).toBe('class toString');
    expect(matchToolCall(call('mcp'), new Derived() as never)).toBe('inherited mcp');
    // Every prototype owns a `constructor`; a class instance's class is no handler.
    expect(() => matchToolCall(call('constructor'), new Derived() as never)).toThrow(
      new TypeError('matchToolCall: no handler for tool call type "constructor"'),
    );
    const ownConstructor = { constructor: () => 'own constructor' };
    expect(matchToolCall(call('constructor'), ownConstructor as never)).toBe('own constructor');
  });

  it('ignores a polluted Object.prototype, for known cases too', () => {
    const polluted = Object.prototype as unknown as Record<string, unknown>;
    const calls: string[] = [];
    for (const key of ['completed', 'function', 'mcp']) polluted[key] = () => calls.push(key);
    try {
      expect(() => matchStatus(completed, {} as never)).toThrow(
        new TypeError('matchStatus: no handler for status "completed"'),
      );
      expect(() => matchToolCall(call('function'), {} as never)).toThrow('no handler for tool call type "function"');
      expect(() => matchToolCall(call('mcp'), {} as never)).toThrow('no handler for tool call type "mcp"');
    } finally {
      for (const key of ['completed', 'function', 'mcp']) delete polluted[key];
    }
    expect(calls).toEqual([]);
  });

  it('takes nothing from Function.prototype, nor from another realm’s Object.prototype', () => {
    const onFunction = Object.setPrototypeOf({}, function handlers() {}) as object;
    for (const type of ['call', 'apply', 'bind', 'toString']) {
      expect(() => matchToolCall(call(type), onFunction as never)).toThrow(`no handler for tool call type "${type}"`);
    }
    const foreign = runInNewContext('({ mcp: () => "foreign mcp" })') as object;
    expect(matchToolCall(call('mcp'), foreign as never)).toBe('foreign mcp');
    for (const type of inherited) {
      expect(() => matchToolCall(call(type), foreign as never)).toThrow(`no handler for tool call type "${type}"`);
    }
    expect(() => matchStatus(completed, Object.prototype as never)).toThrow('no handler for status "completed"');
  });

  it('reads the handler once, and refuses one that is not a function', () => {
    let reads = 0;
    const getter = Object.defineProperty({}, 'mcp', {
      get: () => {
        reads += 1;
        return () => 'from a getter';
      },
    });
    expect(matchToolCall(call('mcp'), getter as never)).toBe('from a getter');
    expect(reads).toBe(1);
    for (const value of ['mcp', 1, null, {}, undefined]) {
      expect(() => matchToolCall(call('mcp'), { mcp: value } as never)).toThrow(
        new TypeError('matchToolCall: no handler for tool call type "mcp"'),
      );
    }
  });

  it('lets an error from the handlers through: a throwing getter, a hostile proxy', () => {
    const failing = Object.defineProperty({}, 'mcp', {
      get: () => {
        throw new RangeError('getter');
      },
    });
    expect(() => matchToolCall(call('mcp'), failing as never)).toThrow(new RangeError('getter'));
    const proxy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new RangeError('trap');
        },
      },
    );
    expect(() => matchToolCall(call('mcp'), proxy as never)).toThrow(new RangeError('trap'));
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => matchToolCall(call('mcp'), revoked as never)).toThrow(TypeError);
  });

  it('refuses a type that is not a string, before reading any handler', () => {
    const touched: PropertyKey[] = [];
    const spy = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: (_target, key) => {
          touched.push(key);
          return undefined;
        },
        get: (_target, key) => {
          touched.push(key);
          return undefined;
        },
      },
    );
    for (const [type, shown] of [
      [42, '42'],
      [null, 'null'],
      [undefined, 'undefined'],
      [Symbol('mcp'), 'a symbol'],
      [{ toString: () => 'mcp' }, 'an object'],
    ] as const) {
      expect(() => matchToolCall(call(type), spy as never)).toThrow(
        new TypeError(`matchToolCall: unknown tool call type ${shown} (expected a string)`),
      );
    }
    expect(touched).toEqual([]);
  });

  it('reads the value’s own type once', () => {
    let reads = 0;
    const value = Object.defineProperty({ id: 'call_1' }, 'type', {
      get: () => {
        reads += 1;
        return reads === 1 ? 'mcp' : 'function';
      },
    });
    expect(matchToolCall(value as never, { mcp: () => 'mcp', function: () => 'function' } as never)).toBe('mcp');
    expect(reads).toBe(1);
  });
});
