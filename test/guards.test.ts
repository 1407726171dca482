// The guards for the objects inside a run step, run on every such object in the fixtures and on every
// generated corruption beneath them.
import { describe, expect, it } from 'vitest';
import {
  isCodeInterpreterImageOutput,
  isCodeInterpreterLogsOutput,
  isCodeInterpreterOutput,
  isCodeInterpreterToolCall,
  isFileSearchResult,
  isFileSearchToolCall,
  isFunctionToolCall,
  isMessageCreationStepDetails,
  isRunStepDetails,
  isToolCall,
  isToolCallsStepDetails,
  type Guard,
} from '../src/index.js';
import { patternOf } from './support/contract.js';
import { corruptions, getAt, walk } from './support/corrupt.js';
import { acceptedRunSteps } from './support/fixtures.js';

/** For each kind of part: the guard for any of its kinds, and the guard for each kind by its `type`. */
const PARTS: Record<string, { any: Guard<unknown>; byType: Record<string, Guard<unknown>> }> = {
  step_details: {
    any: isRunStepDetails,
    byType: { message_creation: isMessageCreationStepDetails, tool_calls: isToolCallsStepDetails },
  },
  'step_details.tool_calls[]': {
    any: isToolCall,
    byType: {
      code_interpreter: isCodeInterpreterToolCall,
      file_search: isFileSearchToolCall,
      function: isFunctionToolCall,
    },
  },
  'step_details.tool_calls[].code_interpreter.outputs[]': {
    any: isCodeInterpreterOutput,
    byType: { logs: isCodeInterpreterLogsOutput, image: isCodeInterpreterImageOutput },
  },
  'step_details.tool_calls[].file_search.results[]': { any: isFileSearchResult, byType: {} },
};

const steps = acceptedRunSteps();
const partsOf = (step: unknown) =>
  [...walk(step)].flatMap((path) => {
    const kind = PARTS[patternOf(path)];
    return kind === undefined ? [] : [{ path, kind, value: getAt(step, path) as Record<string, unknown> }];
  });

describe('guards for the parts of a run step', () => {
  it('meet every kind of part and every type in the fixtures', () => {
    const seen = new Set(
      steps.flatMap(({ step }) => partsOf(step).map(({ path, value }) => `${patternOf(path)} ${value['type'] ?? ''}`)),
    );
    expect([...seen].sort()).toEqual([
      'step_details message_creation',
      'step_details tool_calls',
      'step_details.tool_calls[] code_interpreter',
      'step_details.tool_calls[] file_search',
      'step_details.tool_calls[] function',
      'step_details.tool_calls[].code_interpreter.outputs[] image',
      'step_details.tool_calls[].code_interpreter.outputs[] logs',
      'step_details.tool_calls[].file_search.results[] ',
    ]);
  });

  it.each(steps.map(({ source, step }) => [source, step] as const))(
    'accept each part of %s, each by its own kind only',
    (_, step) => {
      for (const { kind, value } of partsOf(step)) {
        expect(kind.any(value)).toBe(true);
        for (const [type, guard] of Object.entries(kind.byType)) expect(guard(value)).toBe(value['type'] === type);
      }
    },
  );

  it.each(steps.map(({ source, step }) => [source, step] as const))(
    'reject every corruption beneath a part of %s',
    (_, step) => {
      const wronglyAccepted: string[] = [];
      for (const corruption of corruptions(step)) {
        for (const { path, kind } of partsOf(step)) {
          if (!path.every((segment, index) => corruption.path[index] === segment)) continue;
          const part = getAt(corruption.value, path);
          const guards = [kind.any, ...Object.values(kind.byType)];
          if (guards.some((guard) => guard(part))) wronglyAccepted.push(corruption.description);
        }
      }
      expect(wronglyAccepted).toEqual([]);
    },
  );

  it('reject values that are not objects, and tool calls without an id', () => {
    const guards = Object.values(PARTS).flatMap(({ any, byType }) => [any, ...Object.values(byType)]);
    for (const guard of guards) {
      for (const value of [undefined, null, 1, 'x', [], () => {}]) expect(guard(value)).toBe(false);
    }
    const call = { type: 'function', function: { name: 'f', arguments: '{}', output: null } };
    expect(isFunctionToolCall({ ...call, id: 'call_1' })).toBe(true);
    expect(isFunctionToolCall(call)).toBe(false);
    expect(isToolCall(call)).toBe(false);
  });
});
