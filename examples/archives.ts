import { readFileSync } from 'node:fs';
import {
  formatIssue,
  historicalRunStepTraits,
  isAnyRunStepList,
  isRunStepList,
  runStepGeneration,
  validateHistoricalRunStepObject,
  validateRunStepObject,
  type AnyRunStepObject,
} from 'openai-run-step-guards';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./archives/${name}`, import.meta.url), 'utf8'));

// A list response from November 2023: not a list of current steps, but a list of steps of either generation.
const list = read('v1-2023-list.json');
console.log(isRunStepList(list), isAnyRunStepList(list));
console.log(isRunStepList(read('empty-list.json'))); // `first_id` and `last_id` are null when `data` is empty

/** One line per tool call; the switch covers v1's `retrieval`, and a function's `output` may be absent. */
function describe(step: AnyRunStepObject): string {
  if (step.type === 'message_creation') return `message ${step.step_details.message_creation.message_id}`;
  return step.step_details.tool_calls
    .map((call) => {
      switch (call.type) {
        case 'retrieval':
          return 'retrieval (v1)';
        case 'function':
          return `function ${call.function.name}: ${call.function.output ?? 'no output yet'}`;
        case 'code_interpreter':
        case 'file_search':
          return call.type;
      }
    })
    .join(', ');
}
if (isAnyRunStepList(list)) {
  for (const step of list.data) console.log(runStepGeneration(step), historicalRunStepTraits(step), describe(step));
}

// An invalid step: its traits say which validator's issues fit it.
const broken = { ...(read('v1-2023-retrieval.json') as object), status: 'done' };
const traits = historicalRunStepTraits(broken);
const result = traits.length > 0 ? validateHistoricalRunStepObject(broken) : validateRunStepObject(broken);
console.log(runStepGeneration(broken), traits);
if (!result.success) for (const issue of result.issues) console.log(formatIssue(issue));
