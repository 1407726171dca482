// Writes the example inputs of the CLI (examples/cli/: a valid and an invalid file of each input kind) from the
// recorded run steps in test/fixtures/wire and the payloads in examples/payloads. Run from the repository root:
// `node scripts/cli-examples.mjs && npx prettier --write examples/cli`.
import { readFileSync, writeFileSync } from 'node:fs';
const W = (f) => JSON.parse(readFileSync(`test/fixtures/wire/${f}`, 'utf8'));
const P = (f) => JSON.parse(readFileSync(`examples/payloads/${f}`, 'utf8'));
const wire = Object.fromEntries(
  [
    '01__dotnet_list-item_message-creation_completed',
    '03__dotnet_code-interpreter_completed_no-outputs',
    '05__dotnet_file-search_completed_results-with-content',
    '06__dotnet_sse_step-created_tool-calls-empty',
    '07__dotnet_sse_step-delta_file-search',
    '09__dotnet_sse_step-delta_function-first-chunk',
    '12__dotnet_sse_step-in-progress_message-creation',
    '14__simple-openai_v1-2023_retrieve_message-creation_no-usage',
    '22__simple-openai_sse_step-completed_function-output-set',
    '29__ruby-openai_list-item_message-creation_in-progress',
  ].map((n) => [n.slice(0, 2), W(`${n}.json`)]),
);
const out = (f, v) => writeFileSync(`examples/cli/${f}`, typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
const clone = (v) => structuredClone(v);
// .json: one step
out('valid-step.json', wire['05']);
const bad = clone(P('function-call-completed.json'));
bad.status = 'done';
bad.step_details.tool_calls[0].function.output = 42;
out('invalid-step.json', bad);
// .json: an array
out('valid-array.json', [wire['01'], wire['03'], wire['14']]);
const e1 = clone(P('failed-rate-limit.json'));
e1.last_error.code = 'quota_exceeded';
out('invalid-array.json', [wire['29'], e1, { id: 'msg_abc123', object: 'thread.message', created_at: 1714250895 }]);
// .json: list responses
const list = (data, more = false) => ({
  object: 'list',
  data,
  first_id: data[0]?.id ?? null,
  last_id: data.at(-1)?.id ?? null,
  has_more: more,
});
out('valid-list.json', list([wire['29'], wire['01']]));
const noId = clone(wire['01']);
delete noId.id;
const l2 = list([wire['29'], noId]);
l2.has_more = 'no';
out('invalid-list.json', l2);
// .ndjson
const line = (v) => JSON.stringify(v) + '\n';
out('valid.ndjson', [wire['03'], wire['06'], wire['07'].data, wire['22']].map(line).join(''));
const badDelta = clone(wire['09'].data);
badDelta.delta.step_details.tool_calls[0].type = 'retrieval';
out('invalid.ndjson', line(wire['01']) + line(wire['12']).slice(0, 120) + '\n' + line(badDelta) + line(wire['05']));
// .sse, as a stream sends it
const frame = (event, data) => `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
const run = { id: 'run_abc123', object: 'thread.run', status: 'in_progress' };
const created = wire['06'].data;
const completed = wire['22'].data;
out(
  'valid.sse',
  frame('thread.run.in_progress', run) +
    frame('thread.run.step.created', created) +
    frame('thread.run.step.delta', wire['09'].data) +
    frame('thread.message.delta', { id: 'msg_abc123', object: 'thread.message.delta', delta: {} }) +
    frame('thread.run.step.completed', completed) +
    frame('done', '[DONE]'),
);
const late = clone(completed);
late.completed_at = '2024-05-04T20:09:26Z';
out(
  'invalid.sse',
  frame('thread.run.step.created', created) +
    'event: thread.run.step.delta\ndata: {"id":"step_9c9pSsTIsCYc1KeHEI6Ba34s","object":"thread.run.step.delta","delta":{\n\n' +
    frame('thread.run.step.completed', late) +
    frame('done', '[DONE]'),
);
