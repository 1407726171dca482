// The benchmark corpus: real recorded run steps (test/fixtures/wire), combined into the realistic mix a
// run produces, plus two invalid inputs: one that fails at the first field, one at the last field read.
import { readFileSync } from 'node:fs';

const wire = (name: string): Record<string, any> => {
  const json = JSON.parse(readFileSync(new URL(`../test/fixtures/wire/${name}`, import.meta.url), 'utf8'));
  return 'event' in json ? json.data : json;
};

const messageCreation = wire('01__dotnet_list-item_message-creation_completed.json');
const codeInterpreterStep = wire('21__simple-openai_sse_step-completed_code-interpreter-image.json');
const fileSearchStep = wire('05__dotnet_file-search_completed_results-with-content.json');
const functionStep = wire('22__simple-openai_sse_step-completed_function-output-set.json');

const [codeCall] = codeInterpreterStep.step_details.tool_calls;
const [fileSearchCall] = fileSearchStep.step_details.tool_calls;
const [functionCall] = functionStep.step_details.tool_calls;
const [result] = fileSearchCall.file_search.results;

const withCalls = (step: Record<string, any>, toolCalls: unknown[]) => ({
  ...step,
  step_details: { type: 'tool_calls', tool_calls: toolCalls },
});

/** Each input, named; `valid` says what every correct guard must answer. */
export const corpus: { name: string; value: unknown; valid: boolean }[] = [
  { name: 'message creation step', value: messageCreation, valid: true },
  {
    name: 'tool calls step, 3 kinds',
    value: withCalls(codeInterpreterStep, [codeCall, fileSearchCall, functionCall]),
    valid: true,
  },
  {
    name: 'file search step, 5 results with content',
    value: withCalls(fileSearchStep, [
      { ...fileSearchCall, file_search: { ...fileSearchCall.file_search, results: Array(5).fill(result) } },
    ]),
    valid: true,
  },
  {
    name: 'code interpreter step, logs + image',
    value: withCalls(codeInterpreterStep, [
      {
        ...codeCall,
        code_interpreter: {
          ...codeCall.code_interpreter,
          outputs: [{ type: 'logs', logs: 'y := sin(x)\n' }, ...codeCall.code_interpreter.outputs],
        },
      },
    ]),
    valid: true,
  },
  { name: 'invalid: wrong object (early)', value: { ...messageCreation, object: 'thread.run' }, valid: false },
  {
    name: 'invalid: last tool call, last field (deep)',
    value: withCalls(codeInterpreterStep, [
      codeCall,
      fileSearchCall,
      { ...functionCall, function: { ...functionCall.function, output: 42 } },
    ]),
    valid: false,
  },
];
