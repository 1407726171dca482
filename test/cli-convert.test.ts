// `openai-run-step-guards convert`, run as a process on the built bin (dist/cli.js): NDJSON records of at most
// 20 accepted items per thread on stdout, the report on stderr, exit codes 0 / 1 / 2, control characters escaped.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { records, runBin } from './support/cli.js';
import { FIXTURES_DIR } from './support/fixtures.js';
import { expectAcceptedItems } from './support/responses.js';

const cwd = FIXTURES_DIR;
const STREAM = 'streams/simple-openai__threads_runs_create_both_stream.jsonl';

function functionStep(thread: string, i: number): Record<string, unknown> {
  return {
    id: `step_${thread}_${i}`,
    object: 'thread.run.step',
    created_at: i,
    assistant_id: 'asst_a',
    thread_id: thread,
    run_id: 'run_a',
    type: 'tool_calls',
    status: 'completed',
    cancelled_at: null,
    completed_at: i,
    expires_at: null,
    failed_at: null,
    last_error: null,
    usage: null,
    step_details: {
      type: 'tool_calls',
      tool_calls: [{ id: `call_${i}`, type: 'function', function: { name: 'f', arguments: '{}', output: `o${i}` } }],
    },
  };
}

describe('openai-run-step-guards convert', () => {
  it('converts a recorded thread and its messages into records of accepted items', () => {
    const run = runBin(['convert', '--code-interpreter', 'transcript', STREAM, 'responses/thread.synthetic.json'], {
      cwd,
    });
    expect(run.code).toBe(1); // an image file and an annotation were dropped
    const out = records<{ thread_id: string; batch: number; batches: number; items: unknown[] }>(run.stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ thread_id: 'thread_XJyx1bGmCgGa8FtKWVuviWri', batch: 0, batches: 1 });
    expectAcceptedItems(out[0]!.items);
    expect(out[0]!.items).toHaveLength(5);
    expect(run.stderr).toContain('dropped image_file (message_part)');
    expect(run.stderr).toMatch(/1 thread\(s\), 5 item\(s\) in 1 record\(s\); 2 part\(s\) dropped, 0 refused/);
  });

  it('converts thread messages that come as stream events, in NDJSON and in SSE text alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const messages = JSON.parse(readFileSync(join(cwd, 'responses/thread.synthetic.json'), 'utf8')) as unknown[];
    const event = (data: unknown) => ({ event: 'thread.message.completed', data });
    writeFileSync(join(dir, 'messages.ndjson'), messages.map((m) => `${JSON.stringify(event(m))}\n`).join(''));
    writeFileSync(
      join(dir, 'messages.sse'),
      messages
        .map(
          (m) =>
            `event: thread.message.delta\ndata: {"broken\n\nevent: thread.message.completed\ndata: ${JSON.stringify(m)}\n\n`,
        )
        .join(''),
    );
    const whole = runBin(['convert', '--code-interpreter', 'transcript', STREAM, 'responses/thread.synthetic.json'], {
      cwd,
    });
    for (const file of ['messages.ndjson', 'messages.sse']) {
      const run = runBin(['convert', '--code-interpreter', 'transcript', join(cwd, STREAM), file], { cwd: dir });
      expect(run.code, file).toBe(1);
      expect(run.stdout, file).toBe(whole.stdout);
      expect(run.stderr, file).toMatch(/thread\.message: 3 carried, 0 dropped, 0 transformed, 0 refused/);
      expect(run.stderr, file).toMatch(/message_creation: 2 carried/);
    }
  });

  it('groups interleaved threads, writes batches of 20, and exits 0 when everything was carried', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const lines: string[] = [];
    for (let i = 0; i < 15; i++)
      lines.push(JSON.stringify(functionStep('thread_a', i)), JSON.stringify(functionStep('thread_b', i)));
    writeFileSync(join(dir, 'steps.ndjson'), `${lines.join('\n')}\n`);
    const run = runBin(['convert', '--json', 'steps.ndjson'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = records<{ thread_id: string; batch: number; items: unknown[] }>(run.stdout);
    expect(out.map(({ thread_id, batch, items }) => `${thread_id} ${batch} ${items.length}`)).toEqual([
      'thread_a 0 20',
      'thread_a 1 10',
      'thread_b 0 20',
      'thread_b 1 10',
    ]);
    for (const { items } of out) expectAcceptedItems(items);
    const summary = records<Record<string, unknown>>(run.stderr).at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', threads: 2, items: 60, records: 4, dropped: 0, refused: 0 });
    // stdin, read once: the same records.
    const piped = runBin(['convert', '-'], { cwd: dir, input: `${lines.join('\n')}\n` });
    expect(piped.code).toBe(0);
    expect(records(piped.stdout)).toEqual(out);
  });

  it('rebuilds a step its stream never finished from its deltas: the function call of a run waiting for its output', () => {
    const file = 'streams/simple-openai__threads_runs_create_both_function_stream.jsonl';
    const events = readFileSync(join(cwd, file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; data: Record<string, any> });
    // The recording stops at requires_action: no terminal step event; the run names the call it waits for,
    // whose arguments only the deltas hold.
    expect(events.some(({ event }) => event === 'thread.run.step.completed')).toBe(false);
    const [waiting] = events.find(({ event }) => event === 'thread.run.requires_action')!.data.required_action
      .submit_tool_outputs.tool_calls as { id: string; function: { name: string; arguments: string } }[];
    const dropped = runBin(['convert', file], { cwd });
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain(`tool_calls[0].function.output: dropped function (pending_function)`);
    const carried = runBin(['convert', '--pending-function', 'error', file], { cwd });
    expect(carried.code).toBe(0);
    const [record] = records<{ items: Record<string, unknown>[] }>(carried.stdout);
    expectAcceptedItems(record!.items);
    expect(record!.items[0]).toEqual({
      type: 'function_call',
      call_id: waiting!.id,
      name: waiting!.function.name,
      arguments: waiting!.function.arguments,
    });
    expect(record!.items[1]).toMatchObject({ type: 'function_call_output', call_id: waiting!.id });
  });

  it('refuses a stream event it cannot apply, and converts the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const step = { ...functionStep('thread_a', 1), status: 'in_progress', completed_at: null };
    const delta = (id: string) => ({
      event: 'thread.run.step.delta',
      data: {
        id,
        object: 'thread.run.step.delta',
        delta: {
          step_details: {
            type: 'tool_calls',
            tool_calls: [{ index: 0, type: 'function', function: { arguments: '{"a":1}' } }],
          },
        },
      },
    });
    const events = [
      delta('step_unknown'), // no event introduced this step
      { event: 'thread.run.step.created', data: step },
      { event: 'thread.run.step.completed', data: functionStep('thread_a', 1) },
    ];
    writeFileSync(
      join(dir, 'stream.sse'),
      events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join(''),
    );
    const run = runBin(['convert', '--json', 'stream.sse'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = records<Record<string, unknown>>(run.stderr);
    expect(report[0]).toMatchObject({
      type: 'stream',
      file: 'stream.sse',
      line: 1,
      step_id: 'step_unknown',
      code: 'unknown_step',
    });
    expect(report.at(-1)).toMatchObject({ type: 'summary', items: 2, refused: 1 });
    expect(records<{ items: unknown[] }>(run.stdout)[0]!.items).toHaveLength(2);
  });

  it('writes each thread as soon as its last value is read, whatever the skipped values between', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const run = { object: 'thread.run', id: 'run_x', thread_id: 'thread_a' };
    // thread_a's last step comes after thread_b's: b is complete first, and is written first.
    const lines = [
      functionStep('thread_a', 1),
      run,
      run,
      functionStep('thread_b', 2),
      functionStep('thread_b', 3),
      functionStep('thread_a', 4),
    ];
    writeFileSync(join(dir, 'steps.ndjson'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const out = records<{ thread_id: string }>(runBin(['convert', 'steps.ndjson'], { cwd: dir }).stdout);
    expect(out.map(({ thread_id }) => thread_id)).toEqual(['thread_b', 'thread_a']);
  });

  it('escapes control characters from the input, and exits 2 on a usage error or an unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    writeFileSync(
      join(dir, 'evil.json'),
      JSON.stringify({
        ...functionStep('thread_\x1b[2J', 1),
        status: 'in_progress',
        step_details: {
          type: 'tool_calls',
          tool_calls: [{ id: 'call_\x1b]0;x', type: 'code_interpreter', code_interpreter: { input: '', outputs: [] } }],
        },
      }),
    );
    const run = runBin(['convert', 'evil.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\x1b');
    expect(run.stderr).toContain('\\u001b');
    expect(runBin(['convert', '--batch', '21', 'evil.json'], { cwd: dir }).code).toBe(2);
    expect(runBin(['convert', '--code-interpreter', 'keep', 'evil.json'], { cwd: dir }).code).toBe(2);
    expect(runBin(['convert', 'missing.json'], { cwd: dir }).code).toBe(2);
    expect(runBin(['convert', '--help'], { cwd: dir }).stdout).toContain('Usage: openai-run-step-guards convert');
  });

  it('fails on an input with nothing to convert (an empty file, runs only, an empty folder) unless --allow-empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(
      join(dir, 'runs.ndjson'),
      `${JSON.stringify({ object: 'thread.run', id: 'run_a', thread_id: 't' })}\n`,
    );
    writeFileSync(join(dir, 'steps.ndjson'), `${JSON.stringify(functionStep('thread_a', 1))}\n`);
    mkdirSync(join(dir, 'none'));
    for (const input of ['empty.json', 'runs.ndjson', 'none']) {
      const run = runBin(['convert', 'steps.ndjson', input], { cwd: dir });
      expect(run.code, input).toBe(1);
      expect(run.stderr, input).toContain(`${input}: no run steps or thread messages found`);
      expect(run.stderr, input).toContain('; 1 input(s) empty');
      expect(records(run.stdout), input).toHaveLength(1); // the steps are still converted
      const json = runBin(['convert', '--json', input], { cwd: dir });
      expect(json.code, input).toBe(1);
      expect(records<Record<string, unknown>>(json.stderr)).toEqual([
        { type: 'empty', file: input },
        expect.objectContaining({ type: 'summary', empty: 1 }),
      ]);
      expect(runBin(['convert', '--allow-empty', 'steps.ndjson', input], { cwd: dir }).code, input).toBe(0);
    }
    const piped = runBin(['convert', '-'], { cwd: dir, input: '' });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('(stdin): no run steps or thread messages found');
  });
});
