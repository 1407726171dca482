// The smoke program that `npm run test:runtimes` runs on every runtime, against the packed package as a
// user installs it. Plain ES2020 and no runtime API at all: each runtime's entry (entry.mjs, entry.cjs,
// worker.mjs, browser.mjs) imports the package its own way, calls smoke(), and hands the result back.

/** Whether a missing `validateRunStepObject` fails the run: it does, since the validators landed. */
export const VALIDATOR_REQUIRED = true;

/** The runtime this code runs on, as it says itself (the runner checks it is the one it meant to start). */
export function detectRuntime() {
  const global = globalThis;
  if (typeof global.Bun !== 'undefined') return { name: 'bun', version: global.Bun.version };
  if (typeof global.Deno !== 'undefined') return { name: 'deno', version: global.Deno.version.deno };
  if (global.navigator?.userAgent === 'Cloudflare-Workers') return { name: 'workerd', version: undefined };
  if (typeof global.document !== 'undefined') {
    return { name: 'chromium', version: /Chrome\/([\d.]+)/.exec(global.navigator.userAgent)?.[1] };
  }
  if (global.process?.release?.name === 'node') return { name: 'node', version: global.process.versions.node };
  return { name: 'unknown', version: undefined };
}

/** Whether this context lets code be generated from strings (blocked in workerd, by a flag, by a CSP). */
export function codeGeneration() {
  try {
    new Function('return 1')();
    return 'allowed';
  } catch {
    return 'blocked';
  }
}

/**
 * The five checks, on `step`: a recorded run step that holds only function tool calls (fixture 22).
 * Expectations come from the raw JSON with plain JavaScript, not from the package.
 * With `azure` (the `openai-run-step-guards/azure` entry, where the runtime's entry imports it), a sixth:
 * the subpath resolves, and its guard accepts a step with an Azure kind that the root's guard rejects.
 * Returns `[{ name, ok, skipped?, detail? }]`; never throws.
 */
export function smoke(pkg, step, azure) {
  const checks = [];
  const check = (name, run) => {
    try {
      const detail = run();
      checks.push({ name, ok: true, ...(detail ? { detail } : {}) });
    } catch (error) {
      checks.push({ name, ok: false, detail: String(error?.message ?? error) });
    }
  };
  const expect = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  const calls = step.step_details.tool_calls;
  const firstFunction = calls.findIndex((call) => call.type === 'function');
  // The corruption: the first function call's output becomes a number (the wire has a string or null).
  const corruptPath = ['step_details', 'tool_calls', firstFunction, 'function', 'output'];
  const corrupt = JSON.parse(JSON.stringify(step));
  corrupt.step_details.tool_calls[firstFunction].function.output = 20.16;

  check('import', () => {
    for (const name of ['isRunStepObject', 'isToolCallsStep', 'getToolCallsByType', 'matchStatus']) {
      expect(typeof pkg[name] === 'function', `${name} is ${typeof pkg[name]}, not a function`);
    }
    expect(Array.isArray(pkg.RUN_STEP_STATUSES), 'RUN_STEP_STATUSES is not an array');
  });

  check('isRunStepObject', () => {
    const before = JSON.stringify(step);
    expect(pkg.isRunStepObject(step) === true, 'rejects the recorded run step');
    expect(pkg.isRunStepObject(corrupt) === false, `accepts it with ${corruptPath.join('.')} a number`);
    expect(pkg.isRunStepObject({ ...step, object: 'thread.run' }) === false, "accepts object 'thread.run'");
    expect(JSON.stringify(step) === before, 'changed its input');
  });

  check('narrowing', () => {
    const names = calls.filter((call) => call.type === 'function').map((call) => call.function.name);
    expect(pkg.isToolCallsStep(step) === true, 'isToolCallsStep is false on a tool_calls step');
    const found = pkg.getToolCallsByType(step, 'function').map((call) => call.function.name);
    expect(JSON.stringify(found) === JSON.stringify(names), `getToolCallsByType found ${JSON.stringify(found)}`);
    const status = pkg.matchStatus(step, {
      in_progress: () => 'in_progress',
      completed: () => 'completed',
      failed: () => 'failed',
      cancelled: () => 'cancelled',
      expired: () => 'expired',
    });
    expect(status === step.status, `matchStatus ran the ${status} handler for ${step.status}`);
  });

  if (typeof pkg.validateRunStepObject !== 'function' && !VALIDATOR_REQUIRED) {
    checks.push({ name: 'validator', ok: true, skipped: true, detail: 'no validateRunStepObject export' });
  } else {
    check('validator', () => {
      expect(typeof pkg.validateRunStepObject === 'function', 'validateRunStepObject is not exported');
      const valid = pkg.validateRunStepObject(step);
      expect(valid.success === true, `fails the recorded run step: ${JSON.stringify(valid.issues)}`);
      const invalid = pkg.validateRunStepObject(corrupt);
      expect(invalid.success === false, 'passes the corrupted copy');
      const paths = invalid.issues.map((issue) => JSON.stringify(issue.path));
      expect(paths.includes(JSON.stringify(corruptPath)), `reports ${paths.join(', ')}, not the corrupted path`);
      return `reports ${JSON.stringify(corruptPath)}`;
    });
  }

  check('streaming', () => {
    // The step as a stream would have built it: created without its tool calls, then each call in chunks
    // (its first carries id and name; the arguments and the output come in two fragments each).
    const created = { ...step, step_details: { type: 'tool_calls', tool_calls: [] } };
    const delta = (chunk) => ({
      event: 'thread.run.step.delta',
      data: {
        id: step.id,
        object: 'thread.run.step.delta',
        delta: { step_details: { type: 'tool_calls', tool_calls: [chunk] } },
      },
    });
    const events = [{ event: 'thread.run.step.created', data: created }];
    calls.forEach((call, index) => {
      const half = (text) => [text.slice(0, text.length >> 1), text.slice(text.length >> 1)];
      const [a, b] = half(call.function.arguments);
      events.push(
        delta({
          index,
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: a, output: null },
        }),
      );
      events.push(delta({ index, type: 'function', function: { arguments: b } }));
      if (call.function.output !== null) {
        for (const piece of half(call.function.output))
          events.push(delta({ index, type: 'function', function: { output: piece } }));
      }
    });
    const accumulator = pkg.createRunStepAccumulator();
    for (const event of events) accumulator.push(event);
    const rebuilt = accumulator.get(step.id);
    expect(JSON.stringify(rebuilt) === JSON.stringify(step), `rebuilt ${JSON.stringify(rebuilt?.step_details)}`);
    expect(pkg.isRunStepObject(rebuilt) === true, 'the rebuilt step is not a run step');
    return `${events.length - 1} deltas`;
  });
  if (azure !== undefined) {
    check('azure subpath', () => {
      const bing = { id: 'call_bing', type: 'bing_grounding', bing_grounding: { requesturl: 'https://example.com' } };
      const azureStep = { ...step, step_details: { type: 'tool_calls', tool_calls: [bing] } };
      expect(azure.isAzureRunStepObject(step) === true, 'rejects the recorded OpenAI run step');
      expect(azure.isAzureRunStepObject(azureStep) === true, 'rejects a step with a bing_grounding call');
      expect(pkg.isRunStepObject(azureStep) === false, 'the root guard accepts a bing_grounding call');
      const broken = {
        ...azureStep,
        step_details: { type: 'tool_calls', tool_calls: [{ ...bing, bing_grounding: 1 }] },
      };
      const invalid = azure.validateAzureRunStepObject(broken);
      const paths = invalid.success ? [] : invalid.issues.map((issue) => issue.path.join('.'));
      expect(paths.join() === 'step_details.tool_calls.0.bing_grounding', `reports ${paths.join(', ')}`);
      return `${azure.AZURE_TOOL_CALL_TYPES.length} Azure kinds`;
    });
  }
  return checks;
}

/** Everything an entry hands back to the runner: the checks, and what the runtime says about itself. */
export function report(pkg, step, resolved, azure) {
  return { runtime: detectRuntime(), codeGeneration: codeGeneration(), resolved, checks: smoke(pkg, step, azure) };
}
