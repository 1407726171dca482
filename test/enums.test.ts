// Each enum guard spells its values out (for speed); these tests keep it equal to its const array.
import { describe, expect, it } from 'vitest';
import {
  CODE_INTERPRETER_OUTPUT_TYPES,
  FILE_SEARCH_RANKERS,
  FILE_SEARCH_RESULT_CONTENT_TYPES,
  RUN_STEP_ERROR_CODES,
  RUN_STEP_STATUSES,
  RUN_STEP_STREAM_EVENTS,
  RUN_STEP_TYPES,
  TERMINAL_RUN_STEP_STATUSES,
  TERMINAL_RUN_STEP_STREAM_EVENTS,
  TOOL_CALL_TYPES,
  isCodeInterpreterOutputType,
  isFileSearchRanker,
  isFileSearchResultContentType,
  isRunStepErrorCode,
  isRunStepStatus,
  isRunStepStreamEventName,
  isRunStepType,
  isTerminalRunStepStatus,
  isTerminalRunStepStreamEventName,
  isToolCallType,
} from '../src/index.js';
import { ENUMS } from './support/contract.js';

const pairs = [
  ['RUN_STEP_STATUSES', RUN_STEP_STATUSES, isRunStepStatus],
  ['TERMINAL_RUN_STEP_STATUSES', TERMINAL_RUN_STEP_STATUSES, isTerminalRunStepStatus],
  ['RUN_STEP_TYPES', RUN_STEP_TYPES, isRunStepType],
  ['TOOL_CALL_TYPES', TOOL_CALL_TYPES, isToolCallType],
  ['CODE_INTERPRETER_OUTPUT_TYPES', CODE_INTERPRETER_OUTPUT_TYPES, isCodeInterpreterOutputType],
  ['RUN_STEP_ERROR_CODES', RUN_STEP_ERROR_CODES, isRunStepErrorCode],
  ['FILE_SEARCH_RANKERS', FILE_SEARCH_RANKERS, isFileSearchRanker],
  ['FILE_SEARCH_RESULT_CONTENT_TYPES', FILE_SEARCH_RESULT_CONTENT_TYPES, isFileSearchResultContentType],
  ['RUN_STEP_STREAM_EVENTS', RUN_STEP_STREAM_EVENTS, isRunStepStreamEventName],
  ['TERMINAL_RUN_STEP_STREAM_EVENTS', TERMINAL_RUN_STEP_STREAM_EVENTS, isTerminalRunStepStreamEventName],
] as const;

const everyEnumValue = [...new Set(pairs.flatMap(([, values]) => values))];

describe.each(pairs)('%s and its guard', (_, values, guard) => {
  it('accepts every value of the array', () => {
    for (const value of values) expect(guard(value)).toBe(true);
  });

  it('rejects every other value, near misses included', () => {
    const others = [
      ...everyEnumValue.filter((value) => !(values as readonly string[]).includes(value)),
      ...values.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}_x`, value.slice(1), new String(value)]),
      '',
      'toString',
      '__proto__',
      undefined,
      null,
      0,
      true,
      {},
      [values[0]],
    ];
    for (const value of others) expect(guard(value)).toBe(false);
  });

  it('is frozen, so no caller can change it for everyone', () => {
    expect(Object.isFrozen(values)).toBe(true);
  });
});

describe('the enums', () => {
  it('match the test suite’s own contract, taken from the API documentation', () => {
    expect(RUN_STEP_STATUSES).toEqual(ENUMS.get('status'));
    expect(RUN_STEP_TYPES).toEqual(ENUMS.get('type'));
    expect(TOOL_CALL_TYPES).toEqual(ENUMS.get('step_details.tool_calls[].type'));
    expect(CODE_INTERPRETER_OUTPUT_TYPES).toEqual(
      ENUMS.get('step_details.tool_calls[].code_interpreter.outputs[].type'),
    );
    expect(RUN_STEP_ERROR_CODES).toEqual(ENUMS.get('last_error.code'));
    expect(FILE_SEARCH_RANKERS).toEqual(ENUMS.get('step_details.tool_calls[].file_search.ranking_options.ranker'));
    expect(FILE_SEARCH_RESULT_CONTENT_TYPES).toEqual(
      ENUMS.get('step_details.tool_calls[].file_search.results[].content[].type'),
    );
  });

  it('say that every status but in_progress is terminal', () => {
    expect([...TERMINAL_RUN_STEP_STATUSES].sort()).toEqual(RUN_STEP_STATUSES.filter((s) => s !== 'in_progress').sort());
  });

  it('name one stream event per step status, one for creation and one for deltas (docs/WIRE.md)', () => {
    expect([...TERMINAL_RUN_STEP_STREAM_EVENTS].sort()).toEqual(
      TERMINAL_RUN_STEP_STATUSES.map((s) => `thread.run.step.${s}`).sort(),
    );
    expect([...RUN_STEP_STREAM_EVENTS].sort()).toEqual(
      ['created', 'delta', ...RUN_STEP_STATUSES].map((s) => `thread.run.step.${s}`).sort(),
    );
  });
});
