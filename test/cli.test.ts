// The CLI end to end: the built bin (dist/cli.js, so `npm run build` first, as `npm test` does) run as a child
// process on the example inputs (examples/cli/) and the test inputs (test/fixtures/cli/), its output and exit
// code checked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, records, runBin } from './support/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

/** Runs the bin from the repository root. */
const run = (args: string[], input?: string) => runBin(args, { cwd: root, input });

const ex = (name: string) => `examples/cli/${name}`;
const fx = (name: string) => `test/fixtures/cli/${name}`;

describe('the package bin', () => {
  it('is dist/cli.js, a Node script', () => {
    expect(pkg.bin['openai-run-step-guards']).toBe('./dist/cli.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    // It loads the library from the chunks it shares with dist/index.js, instead of holding a second copy of it.
    expect(readFileSync(bin, 'utf8')).toMatch(/ from '\.\/chunks\/[\w.-]+\.js';$/m);
    expect(readFileSync(bin, 'utf8')).not.toContain('function _checkRunStepFields');
  });
});

describe('valid inputs of each kind: exit 0, only the summary', () => {
  const cases: [file: string, kinds: Record<string, number>][] = [
    [ex('valid-step.json'), { 'run step': 1 }],
    [ex('valid-array.json'), { 'run step': 2, 'historical run step': 1 }],
    [ex('valid-list.json'), { list: 1, 'run step': 2 }],
    [ex('valid.ndjson'), { 'run step': 1, 'stream event': 2, 'run step delta': 1 }],
    [ex('valid.sse'), { 'stream event': 3 }],
    [fx('crlf-bom.ndjson'), { 'run step': 1, 'stream event': 2, 'run step delta': 1 }],
    [fx('events.ndjson'), { 'stream event': 19 }],
  ];
  it.each(cases)('%s', (file, kinds) => {
    const { code, stdout, stderr } = run(['check', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const [kind, n] of Object.entries(kinds)) {
      expect(stdout).toMatch(new RegExp(`^  ${kind} +${n} +0$`, 'm'));
    }
    const total = Object.values(kinds).reduce((a, b) => a + b, 0);
    expect(stdout).toContain(
      `${total} object${total === 1 ? '' : 's'} in 1 input: ${total} valid, 0 invalid, 0 malformed`,
    );
    expect(stdout).not.toMatch(/issue|malformed:/);
  });

  it('counts the events that hold no run step as skipped, by name', () => {
    expect(run(['check', ex('valid.sse')]).stdout).toContain(
      '3 skipped (1 thread.run.in_progress, 1 thread.message.delta, 1 done)',
    );
    expect(run(['check', fx('events.ndjson')]).stdout).toContain(
      '4 skipped (1 thread.run.created, 1 thread.run.queued',
    );
  });

  it('tallies statuses and tool call types', () => {
    const { stdout } = run(['check', ex('valid.ndjson')]);
    expect(stdout).toMatch(/^status +valid +invalid\n {2}in_progress +1 +0\n {2}completed +2 +0\n/m);
    expect(stdout).toMatch(/^ {2}code_interpreter +1 +0$/m);
    expect(stdout).toMatch(/^ {2}file_search +1 +0$/m);
    expect(stdout).toMatch(/^ {2}function +1 +0$/m);
  });
});

describe('invalid inputs of each kind: exit 1, one entry per invalid object with every issue', () => {
  it('a JSON document', () => {
    const { code, stdout } = run(['check', ex('invalid-step.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        'examples/cli/invalid-step.json:1: run step step_iSAdisa8jKetGFKqiRbpvW85: 2 issues',
        '  status: expected "in_progress" | "cancelled" | "failed" | "completed" | "expired", received string ("done")',
        '  step_details.tool_calls[0].function.output: expected string or null, received number (42)',
      ].join('\n'),
    );
    expect(stdout).toMatch(/^ {2}run step +0 +1$/m);
    expect(stdout).toMatch(/^ {2}done +0 +1$/m);
    expect(stdout).toMatch(/^ {2}function +0 +1$/m);
  });

  it('a JSON array: each element at its index and line', () => {
    const { code, stdout } = run(['check', ex('invalid-array.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('examples/cli/invalid-array.json:24 [1]: run step step_synthetic01: 1 issue\n');
    expect(stdout).toContain(
      '  last_error.code: expected "server_error" | "rate_limit_exceeded", received string ("quota_exceeded")',
    );
    expect(stdout).toContain(
      'examples/cli/invalid-array.json:51 [2]: not a run step, delta, stream event or list: object "thread.message"\n',
    );
    expect(stdout).not.toContain('[0]');
    expect(stdout).toContain('3 objects in 1 input: 1 valid, 2 invalid, 0 malformed');
  });

  it('a list response: the envelope and each item apart', () => {
    const { code, stdout } = run(['check', ex('invalid-list.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('examples/cli/invalid-list.json:1: list: 1 issue\n  has_more: expected boolean');
    expect(stdout).toContain('examples/cli/invalid-list.json:1 data[1]: run step: 1 issue\n  id: expected string');
    expect(stdout).not.toContain('data[0]');
    expect(stdout).toContain('3 objects in 1 input: 1 valid, 2 invalid, 0 malformed');
  });

  it('NDJSON: a broken line is reported at its line, and the next lines go on', () => {
    const { code, stdout } = run(['check', ex('invalid.ndjson')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^examples\/cli\/invalid\.ndjson:2: malformed: broken NDJSON line: /m);
    expect(stdout).toContain(
      'examples/cli/invalid.ndjson:3: run step delta step_9c9pSsTIsCYc1KeHEI6Ba34s: 1 issue\n' +
        '  delta.step_details.tool_calls[0].type: expected "code_interpreter" | "file_search" | "function", received string ("retrieval")\n',
    );
    expect(stdout).toContain('3 objects in 1 input: 2 valid, 1 invalid, 1 malformed');
  });

  it('SSE: a frame whose data is not JSON is reported at its line, and the next frames go on', () => {
    const { code, stdout } = run(['check', ex('invalid.sse')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^examples\/cli\/invalid\.sse:4: malformed: bad SSE frame: the data of thread\.run\.step\.delta is not JSON/m,
    );
    expect(stdout).toContain(
      'examples/cli/invalid.sse:7: stream event thread.run.step.completed step_iSAdisa8jKetGFKqiRbpvW85: 1 issue\n' +
        '  data.completed_at: expected integer or null, received string ("2024-05-04T20:09:26Z")\n',
    );
    expect(stdout).toContain('2 objects in 1 input: 1 valid, 1 invalid, 1 malformed, 1 skipped (1 done)');
  });
});

describe('historical run steps', () => {
  it('are judged by the generation they look like', () => {
    const { code, stdout } = run(['check', fx('historical.ndjson')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'historical.ndjson:2: historical run step step_mGsZSlpAEDmpB2Bc7E7eAIjZ: 1 issue\n' +
        '  step_details.tool_calls[0].function.name: expected string, received number (5)\n',
    );
    expect(stdout).toContain('historical.ndjson:3: run step step_mGsZSlpAEDmpB2Bc7E7eAIjZ: 1 issue\n');
    expect(stdout).toMatch(/^ {2}historical run step +1 +1$/m);
    expect(stdout).toMatch(/^ {2}run step +0 +1$/m);
  });

  it('in a recorded v1 list response', () => {
    const { code, stdout } = run([
      'check',
      'test/fixtures/lists/l03__simple-openai_v1-2023_function-no-output_no-usage.json',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}historical run step +1 +0\n {2}list +1 +0$/m);
  });
});

describe('Azure AI Foundry run steps', () => {
  const azure = (name: string) => `test/fixtures/azure/${name}`;
  const recordings = [
    '01_bing_grounding.steps.json',
    '03_azure_function.steps.json',
    '04_mcp_activities.step.json',
    '05_mcp.step.json',
    '06_browser_automation.steps.json',
    '07_openapi.step.json',
    '09_deep_research.step.json',
    'synthetic_sdk_kinds.step.json',
  ].map(azure);

  it('fail without --azure, at the Azure-only type', () => {
    const { code, stdout } = run(['check', azure('01_bing_grounding.steps.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'data[1]: run step step_2Q32C68O3Pf9ERVNDJJ46wh8: 1 issue\n' +
        '  step_details.tool_calls[0].type: expected "code_interpreter" | "file_search" | "function", received string ("bing_grounding")\n',
    );
  });

  it('pass with --azure: every recording, as Azure steps where they use Azure-only kinds', () => {
    const { code, stdout, stderr } = run(['check', '--azure', ...recordings]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}run step +3 +0\n {2}azure run step +8 +0\n {2}list +3 +0$/m);
    expect(stdout).toMatch(/^ {2}bing_grounding +1 +0$/m);
    expect(stdout).toMatch(/^ {2}computer_use_preview +1 +0$/m);
  });

  it('with --azure, a broken Azure step gets the issues of the Azure validator, inside its payload', () => {
    const list = JSON.parse(readFileSync(azure('01_bing_grounding.steps.json'), 'utf8'));
    const step = list.data[1];
    step.step_details.tool_calls[0].bing_grounding.requesturl = 42;
    const { code, stdout } = run(['check', '--azure', '--json', '-'], JSON.stringify(step));
    expect(code).toBe(1);
    const [finding] = records(stdout);
    expect(finding).toMatchObject({ type: 'invalid', kind: 'azure run step', id: step.id });
    expect(finding!['issues']).toMatchObject([
      { path: ['step_details', 'tool_calls', 0, 'bing_grounding', 'requesturl'], expected: 'string' },
    ]);
  });
});

describe('malformed JSON', () => {
  it('a truncated document is reported where it starts', () => {
    const { code, stdout } = run(['check', fx('truncated.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('test/fixtures/cli/truncated.json:1: malformed: truncated JSON');
    expect(stdout).toContain('0 objects in 1 input: 0 valid, 0 invalid, 1 malformed');
  });

  it('a truncated array: the elements before the cut are still checked', () => {
    const { code, stdout } = run(['check', fx('truncated-array.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('test/fixtures/cli/truncated-array.json:34 [1]: malformed: truncated JSON');
    expect(stdout).toContain('malformed: truncated JSON: the array is not closed');
    expect(stdout).toContain('1 object in 1 input: 1 valid, 0 invalid, 2 malformed');
  });

  it('pretty-printed documents one after another are each checked, at the line they start', () => {
    const { code, stdout } = run(['check', fx('concatenated.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'test/fixtures/cli/concatenated.json:68: run step step_iSAdisa8jKetGFKqiRbpvW85: 2 issues',
    );
    expect(stdout).toContain('2 objects in 1 input: 1 valid, 1 invalid, 0 malformed');
  });

  it('text that is not JSON is reported once, and the audit goes on at the next line that starts a value', () => {
    const { code, stdout } = run(['check', fx('not-json.txt')]);
    expect(code).toBe(1);
    expect(stdout).toContain('test/fixtures/cli/not-json.txt:1: malformed: not JSON: "hello"');
    expect(stdout).toContain('1 object in 1 input: 1 valid, 0 invalid, 1 malformed');
  });

  it('scalars in an array are not run steps; a missing comma is reported', () => {
    const { code, stdout } = run(['check', fx('scalars-array.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('scalars-array.json:1 [0]: not a run step, delta, stream event or list: a number (1)');
    expect(stdout).toContain('scalars-array.json:1 [1]: not a run step, delta, stream event or list: a string ("x")');
    expect(stdout).toContain(
      'scalars-array.json:1 [2]: malformed: bad JSON: a comma is missing between array elements',
    );
  });

  it('an empty input holds no run step: reported, exit 1, unless --allow-empty', () => {
    const { code, stdout } = run(['check', fx('empty.json')]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'test/fixtures/cli/empty.json: no run steps found\n\n0 objects in 1 input: 0 valid, 0 invalid, 0 malformed, 1 empty\n',
    );
    const allowed = run(['check', '--allow-empty', fx('empty.json')]);
    expect(allowed).toEqual({ code: 0, stdout: '0 objects in 1 input: 0 valid, 0 invalid, 0 malformed\n', stderr: '' });
  });
});

describe('stdin', () => {
  it('reads "-", as NDJSON', () => {
    const { code, stdout } = run(
      ['check', '-'],
      readFileSync(new URL(`../${ex('invalid.ndjson')}`, import.meta.url), 'utf8'),
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\(stdin\):2: malformed: broken NDJSON line/m);
    expect(stdout).toContain('(stdin):3: run step delta step_9c9pSsTIsCYc1KeHEI6Ba34s: 1 issue');
  });

  it('reads "-", as SSE, beside files', () => {
    const input = readFileSync(new URL(`../${ex('valid.sse')}`, import.meta.url), 'utf8');
    const { code, stdout } = run(['check', ex('valid-step.json'), '-'], input);
    expect(code).toBe(0);
    expect(stdout).toContain('4 objects in 2 inputs: 4 valid, 0 invalid, 0 malformed');
  });

  it('is read when no file is given and stdin is not a terminal', () => {
    const { code, stdout } = run(['check'], '{"object":"thread.run.step.delta","id":"step_1","delta":{}}\n');
    expect(code).toBe(0);
    expect(stdout).toContain('1 object in 1 input: 1 valid');
  });
});

describe('--json', () => {
  it('writes one record per finding, then a summary record', () => {
    const { code, stdout } = run(['check', '--json', ex('invalid-step.json'), ex('invalid.ndjson'), ex('valid.sse')]);
    expect(code).toBe(1);
    const lines = records(stdout);
    expect(lines.map((line) => line['type'])).toEqual(['invalid', 'malformed', 'invalid', 'summary']);
    expect(lines[0]).toMatchObject({
      file: 'examples/cli/invalid-step.json',
      line: 1,
      index: null,
      where: null,
      kind: 'run step',
      id: 'step_iSAdisa8jKetGFKqiRbpvW85',
      message: null,
    });
    expect(lines[0]!['issues']).toEqual([
      {
        path: ['status'],
        expected: '"in_progress" | "cancelled" | "failed" | "completed" | "expired"',
        received: { kind: 'string', preview: '"done"' },
        message: 'expected "in_progress" | "cancelled" | "failed" | "completed" | "expired", received string ("done")',
      },
      {
        path: ['step_details', 'tool_calls', 0, 'function', 'output'],
        expected: 'string or null',
        received: { kind: 'number', preview: '42' },
        message: 'expected string or null, received number (42)',
      },
    ]);
    expect(lines[1]).toMatchObject({ file: 'examples/cli/invalid.ndjson', line: 2 });
    expect(lines[3]).toMatchObject({
      files: 3,
      unreadable: 0,
      objects: { valid: 5, invalid: 2 },
      malformed: 1,
      skipped: 3,
      kinds: {
        'run step': { valid: 2, invalid: 1 },
        'run step delta': { valid: 0, invalid: 1 },
        'stream event': { valid: 3, invalid: 0 },
      },
      skippedEvents: { done: 1, 'thread.message.delta': 1, 'thread.run.in_progress': 1 },
    });
  });

  it('names the array index and the list item', () => {
    const array = records(run(['check', '--json', ex('invalid-array.json')]).stdout);
    expect(array[0]).toMatchObject({ line: 24, index: 1, where: null, kind: 'run step' });
    expect(array[1]).toMatchObject({ index: 2, kind: 'unrecognised', issues: [] });
    expect(array[1]!['message']).toMatch(/^not a run step, delta, stream event or list/);
    const list = records(run(['check', '--json', ex('invalid-list.json')]).stdout);
    expect(list[0]).toMatchObject({ kind: 'list', where: null });
    expect(list[1]).toMatchObject({ kind: 'run step', where: 'data[1]', index: null });
  });
});

describe('--max-issues', () => {
  it('caps the issues reported per object', () => {
    const { code, stdout } = run(['check', '--max-issues', '1', ex('invalid-step.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('run step step_iSAdisa8jKetGFKqiRbpvW85: 1 of 2 issues shown\n  status: ');
    expect(stdout).not.toContain('function.output');
    expect(run(['check', '--max-issues=1', ex('invalid-step.json')]).stdout).toBe(stdout);
  });
});

describe('usage errors and unreadable inputs: exit 2, a message on stderr', () => {
  it.each([
    [[], 'no command given'],
    [['audit', 'x.json'], 'unknown command "audit"'],
    [['check', '--verbose', 'x.json'], 'unknown option "--verbose"'],
    [['check', '--max-issues', '0', 'x.json'], '--max-issues needs a whole number of at least 1, got "0"'],
    [['check', '--max-issues'], '--max-issues needs a whole number of at least 1, got ""'],
  ])('%j', (args, message) => {
    const { code, stdout, stderr } = run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`openai-run-step-guards: ${message}\n`);
    expect(stderr).toContain(
      'Usage: openai-run-step-guards check [--json] [--azure] [--allow-empty] [--max-issues N] [--] [files or folders...|-]',
    );
  });

  it('--help and --version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: openai-run-step-guards check/);
    expect(run(['check', '-h']).stdout).toBe(help.stdout);
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('a missing file is named; the other files are still checked', () => {
    const { code, stdout, stderr } = run(['check', 'no/such/file.json', ex('invalid-step.json'), 'no/such/folder/']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'openai-run-step-guards: no/such/file.json: cannot read: no such file\n' +
        'openai-run-step-guards: no/such/folder/: cannot read: no such file\n',
    );
    expect(stdout).toContain('examples/cli/invalid-step.json:1: run step step_iSAdisa8jKetGFKqiRbpvW85: 2 issues');
    expect(stdout).toContain('1 object in 1 input: 0 valid, 1 invalid, 0 malformed, 2 unreadable');
  });

  it('with --json, an unreadable file is named on stderr, and is a record too', () => {
    const { code, stdout, stderr } = run(['check', '--json', 'no/such/file.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('openai-run-step-guards: no/such/file.json: cannot read: no such file\n');
    const lines = records(stdout);
    expect(lines[0]).toEqual({ type: 'unreadable', file: 'no/such/file.json', message: 'no such file' });
    expect(lines[1]).toMatchObject({ type: 'summary', files: 0, unreadable: 1 });
  });
});
