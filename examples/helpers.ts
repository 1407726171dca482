import { readdirSync, readFileSync } from 'node:fs';
import { getToolCallsByType, isRunStepObject, isTerminalStep, matchStatus } from 'openai-run-step-guards';

// Rows of unknown shape, e.g. from an exported archive: keep the run steps, typed.
const folder = new URL('./payloads/', import.meta.url);
const rows: unknown[] = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')));
const steps = rows.filter(isRunStepObject);
console.log(`${steps.length} of ${rows.length} rows are run steps`);

for (const step of steps) {
  // One handler per status, each given the step narrowed to it; a missing one would not compile.
  const outcome = matchStatus(step, {
    in_progress: () => 'running',
    completed: (done) => `completed after ${(done.completed_at ?? done.created_at) - done.created_at}s`,
    failed: (failed) => `failed with ${failed.last_error?.code}`,
    cancelled: () => 'cancelled',
    expired: () => 'expired',
  });
  // Exact element types: FunctionToolCall[], so `call.function` needs no check.
  const functions = getToolCallsByType(step, 'function').map((call) => call.function.name);
  const final = isTerminalStep(step) ? 'final' : 'may still change';
  console.log(`${step.id}: ${outcome} (${final})${functions.length > 0 ? `, called ${functions.join(', ')}` : ''}`);
}
