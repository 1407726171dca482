import { readFileSync } from 'node:fs';
import {
  RunStepValidationError,
  assertRunStepObject,
  formatIssue,
  validateRunStepObject,
  validateToolCall,
} from 'openai-run-step-guards';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./payloads/${name}`, import.meta.url), 'utf8'));

// Why is this not a run step? Every issue, with its path, what was expected and what was there.
const result = validateRunStepObject(read('float-timestamp.json'));
if (!result.success) for (const issue of result.issues) console.log(formatIssue(issue));

// The same, for a part on its own: here a tool call of a kind this package does not know.
const unknownKind = validateToolCall((read('unknown-tool-type.json') as any).step_details.tool_calls[1]);
if (!unknownKind.success) console.log(unknownKind.issues[0]);

// Or throw, and let the types follow: after assertRunStepObject(value), value is a RunStepObject.
const archived: unknown = read('v1-2023-no-usage.json');
try {
  assertRunStepObject(archived);
  console.log(`${archived.id} is a ${archived.type} step`);
} catch (error) {
  if (error instanceof RunStepValidationError) console.log(error.message);
}
