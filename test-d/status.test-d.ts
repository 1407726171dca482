import { expectError, expectType } from 'tsd';
import {
  assertNever,
  hasStatus,
  isInProgressStep,
  isTerminalStep,
  type RunStepObject,
  type RunStepStatus,
  type TerminalRunStepStatus,
  type ToolCallsRunStep,
} from 'openai-run-step-guards';

declare const step: RunStepObject;

// A switch over status is exhaustive with a never default...
function label(status: RunStepStatus): string {
  switch (status) {
    case 'in_progress':
      return 'running';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
    case 'completed':
      return 'done';
    case 'expired':
      return 'expired';
    default:
      return assertNever(status);
  }
}
expectType<string>(label(step.status));

// ... and a missing case does not compile.
function partial(status: RunStepStatus): string {
  switch (status) {
    case 'in_progress':
    case 'completed':
      return 'known';
    default:
      expectError(assertNever(status));
      return 'unreachable';
  }
}
expectType<string>(partial(step.status));

// hasStatus narrows to the status it checked; the false branch keeps the whole step, not never.
if (hasStatus(step, 'completed')) {
  expectType<'completed'>(step.status);
  expectType<RunStepObject & { status: 'completed' }>(step);
} else {
  expectType<RunStepObject>(step);
}
expectError(hasStatus(step, 'paused'));

// One status only: with a union, `false` would not mean "none of them", yet the false branch would be
// narrowed as if it did, to never where values remain. A union does not compile.
declare const someStatus: RunStepStatus;
expectError(hasStatus(step, someStatus));
expectError(hasStatus(step, {} as 'failed' | 'cancelled'));
// Two checks joined by || narrow soundly in both branches.
if (hasStatus(step, 'failed') || hasStatus(step, 'cancelled')) expectType<'failed' | 'cancelled'>(step.status);
else expectType<RunStepObject>(step);

// A step already known to be completed: checking completed again leaves nothing for the false branch.
declare const done: RunStepObject & { status: 'completed' };
if (!hasStatus(done, 'completed')) expectType<never>(done);

// Terminal vs in progress.
if (isTerminalStep(step)) expectType<TerminalRunStepStatus>(step.status);
else expectType<RunStepObject>(step);
if (isInProgressStep(step)) expectType<'in_progress'>(step.status);
else expectType<RunStepObject>(step);

// They keep what was known: a tool calls step stays one.
declare const toolStep: ToolCallsRunStep;
if (isTerminalStep(toolStep)) {
  expectType<'tool_calls'>(toolStep.type);
  expectType<TerminalRunStepStatus>(toolStep.status);
}

// assertNever takes only never.
expectType<never>(assertNever({} as never));
expectError(assertNever('completed'));
