// The CLI's output (cli/output.ts) on its own: text goes out in batches, and a stream that says it is full makes
// the writer wait, so that what is held does not grow with the number of findings. Counted, not timed.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Output, type Sink } from '../cli/output.js';
import { text } from '../cli/text.js';

/** A stream that holds up to `capacity` characters, then says it is full until a tick has drained it. */
class SlowSink extends EventEmitter implements Sink {
  buffered = 0;
  peak = 0;
  written = 0;
  writes = 0;
  constructor(private readonly capacity: number) {
    super();
  }
  write(chunk: string): boolean {
    this.writes++;
    this.buffered += chunk.length;
    this.written += chunk.length;
    this.peak = Math.max(this.peak, this.buffered);
    if (this.buffered < this.capacity) return true;
    setImmediate(() => {
      this.buffered = 0;
      this.emit('drain');
    });
    return false;
  }
}

describe('Output', () => {
  /** Writes `n` findings as the reader of an input does: waiting whenever the stream is full. */
  async function findings(n: number) {
    const sink = new SlowSink(16 * 1024);
    const output = new Output(sink, 4096);
    for (let i = 0; i < n; i++) {
      output.write(text`input.ndjson:${i}: not a run step, delta, stream event or list: an empty object\n`);
      if (output.full) await output.ready();
    }
    await output.flush();
    return { held: output.peak, stream: sink.peak, written: sink.written, writes: sink.writes };
  }

  it('holds a batch at most, and the stream a batch beyond its own limit, at N and 2N findings', async () => {
    const one = await findings(100_000);
    const two = await findings(200_000);
    console.log(`output: N=100000 findings: ${JSON.stringify(one)}; 2N: ${JSON.stringify(two)}`);
    expect(one.held).toBeLessThan(4096 + 100);
    expect(two.held).toBe(one.held);
    expect(one.stream).toBeLessThan(16 * 1024 + 4096 + 100);
    expect(two.stream).toBe(one.stream);
    // Line numbers grow a digit: twice the findings are a little more than twice the text, in as many batches.
    expect(two.written).toBeLessThanOrEqual(2.05 * one.written);
    expect(two.writes).toBeLessThanOrEqual(2.05 * one.writes);
  });

  it('writes everything it was given, in order', async () => {
    const sink = new SlowSink(100);
    const parts: string[] = [];
    sink.write = function (chunk: string) {
      parts.push(chunk);
      return SlowSink.prototype.write.call(this, chunk);
    };
    const output = new Output(sink, 10);
    for (let i = 0; i < 1000; i++) {
      output.write(text`${i},`);
      if (output.full) await output.ready();
    }
    await output.flush();
    expect(parts.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `${i},`).join(''));
  });
});
