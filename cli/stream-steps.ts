// The run steps of a stream, for `convert`: a step's terminal event (`thread.run.step.completed`, `failed`,
// `cancelled`, `expired`) carries it whole, and is what is converted; a step the stream never finished (a run
// that stopped at `requires_action`, a recording cut short) is converted as its events left it, rebuilt from its
// `created` / `in_progress` snapshot and its deltas by the package's accumulator. Without that, the function
// call of a run waiting for its output, which only the deltas hold, would be lost.
//
// Memory: the steps introduced and not finished, each held once as its rebuilt snapshot; the accumulator is
// dropped whenever no step is open, so that a recording of many runs holds one run's steps at a time.
import {
  RunStepStreamError,
  createRunStepAccumulator,
  isTerminalRunStepStreamEventName,
  type Guard,
  type RunStepAccumulator,
} from '../src/index.js';

/** A step introduced by a stream and not finished: its thread, where it began, its last whole snapshot that
 * the accumulator refused (what the converter then checks and reports, when the accumulator has none). */
interface OpenStep {
  readonly thread: unknown;
  readonly line: number;
  data: unknown;
}

/** Why an event could not be applied. */
export interface StreamStepFailure {
  readonly code: string;
  readonly stepId: string | undefined;
  readonly message: string;
}

/** A string-keyed record of parsed JSON, or `undefined`. */
function _record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The steps of one input's stream events. Which steps are open depends on the events' names and ids only, so
 * that a pass that tracks (`guard` undefined: it rebuilds nothing) and a pass that rebuilds agree on what
 * `unfinished` yields.
 */
export class StreamSteps {
  private readonly guard: Guard<unknown> | undefined;
  private accumulator: RunStepAccumulator<never> | undefined;
  /** By step id, in a `Map`: no id meets a prototype. */
  private readonly open = new Map<string, OpenStep>();

  /** @param guard The flavour's guard, to rebuild with; `undefined` to track which steps are open only. */
  constructor(guard: Guard<unknown> | undefined) {
    this.guard = guard;
  }

  /** How many steps are held: those the accumulator keeps (what memory grows with), else those open. */
  get held(): number {
    return this.accumulator === undefined ? this.open.size : this.accumulator.snapshots().length;
  }

  /**
   * Takes one run step event (parsed JSON, in the input's order): a name `isRunStepStreamEventName` accepts.
   * @returns What a terminal event converts (its step); `undefined` for any other event; a failure where an
   *   event cannot be applied (when rebuilding).
   */
  take(name: string, event: unknown, line: number): { value: unknown } | StreamStepFailure | undefined {
    const data = _record(event)?.['data'];
    const record = _record(data);
    const id = record?.['id'];
    const terminal = isTerminalRunStepStreamEventName(name);
    let failure: StreamStepFailure | undefined;
    if (this.guard !== undefined && !terminal) {
      try {
        this.accumulator ??= createRunStepAccumulator({ guard: this.guard as Guard<never> });
        this.accumulator.push(event);
      } catch (error) {
        failure =
          error instanceof RunStepStreamError
            ? { code: error.code, stepId: error.stepId, message: error.message }
            : { code: 'error', stepId: undefined, message: String(error) };
      }
    }
    if (typeof id === 'string') {
      if (terminal) {
        this.open.delete(id);
        if (this.open.size === 0) this.accumulator = undefined;
        return { value: data };
      }
      if (name !== 'thread.run.step.delta') {
        const step = this.open.get(id);
        // The parsed snapshot is kept only where the accumulator refused it (it holds its own copy otherwise),
        // and never by a tracking pass, which needs the thread only.
        const held = failure === undefined ? undefined : data;
        if (step === undefined) this.open.set(id, { thread: record!['thread_id'], line, data: held });
        else if (held !== undefined) step.data = held;
      }
    } else if (terminal) return { value: data }; // the converter's guard refuses it
    return failure;
  }

  /**
   * The steps still open at the end of the input, each as its events left it (its rebuilt snapshot; its last
   * whole snapshot where the accumulator could not take it, which the converter then checks and reports).
   */
  *unfinished(): Generator<{ value: unknown; line: number }, void, undefined> {
    for (const [id, step] of this.open) {
      const rebuilt = this.guard === undefined ? undefined : this.accumulator?.get(id);
      yield { value: rebuilt ?? (this.guard === undefined ? { thread_id: step.thread } : step.data), line: step.line };
    }
    this.open.clear();
    this.accumulator = undefined;
  }
}
