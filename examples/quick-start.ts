import { readFileSync } from 'node:fs';
import { assertNever, isRunStepObject } from 'openai-run-step-guards';

// A value from anywhere: an API response, a stream event's data, a database row, an archive.
const value: unknown = JSON.parse(
  readFileSync(new URL('./payloads/mixed-tool-calls-in-progress.json', import.meta.url), 'utf8'),
);

if (!isRunStepObject(value)) throw new Error('not a run step');

switch (value.status) {
  case 'in_progress':
    console.log(`${value.id} is still running`);
    break;
  case 'completed':
  case 'failed':
  case 'cancelled':
  case 'expired':
    console.log(`${value.id} finished: ${value.status}`);
    break;
  default:
    assertNever(value.status); // a status without a case here would not compile
}

if (value.type === 'tool_calls') {
  // Checking `type` narrowed `step_details` too: no cast.
  for (const call of value.step_details.tool_calls) {
    switch (call.type) {
      case 'code_interpreter':
        console.log(`ran code: ${call.code_interpreter.input}`);
        break;
      case 'file_search':
        console.log(`searched, found: ${call.file_search.results?.map((result) => result.file_name).join(', ')}`);
        break;
      case 'function':
        console.log(
          `called ${call.function.name}(${call.function.arguments}), output: ${call.function.output ?? 'pending'}`,
        );
        break;
      default:
        assertNever(call);
    }
  }
}
