import { readFileSync } from 'node:fs';
import { formatIssue, isRunStepObject, matchStatus, validateRunStepObject } from 'openai-run-step-guards';

// Your value, from anywhere: an API response, a stream event's `data`, a database row, an archive.
const value: unknown = JSON.parse(
  readFileSync(new URL('./payloads/function-call-completed.json', import.meta.url), 'utf8'),
);

if (isRunStepObject(value)) {
  // Checked deeply, and typed: checking `type` narrows `step_details` too, and each call by its `type`.
  if (value.type === 'tool_calls') {
    for (const call of value.step_details.tool_calls) if (call.type === 'function') console.log(call.function.name);
  }
  // One handler per status, each given the step narrowed to it: leaving one out does not compile.
  const when = matchStatus(value, {
    in_progress: () => 'still running',
    completed: (step) => `completed at ${step.completed_at}`,
    failed: (step) => `failed: ${step.last_error?.code}`,
    cancelled: () => 'cancelled',
    expired: () => 'expired',
  });
  console.log(`${value.id}: ${when}`);
}

// Not a run step? Its validator says why, and where.
const result = validateRunStepObject({ ...(value as object), status: 'done' });
if (!result.success) for (const issue of result.issues) console.log(formatIssue(issue));
