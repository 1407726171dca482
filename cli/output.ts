// The report's way to stdout. Text is gathered into batches of at most `batch` characters, each handed to the
// stream as soon as it is full; when the stream says it is full (`write` returns false), `blocked` is set and the
// reader of the input waits for `ready()` before the next unit, so that neither this buffer nor the stream's
// grows with the input, however many findings a chunk of input gives (a megabyte of `{}` lines gives 300,000).
import type { Text } from './text.js';

/** Where the text goes: `process.stdout`, or a stand-in in the tests. */
export interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** Characters gathered before they are handed to the stream. */
const BATCH = 64 * 1024;

/** Writes text to a stream in batches, and says when the stream is full. */
export class Output {
  /** The most characters held at once, not counting the stream's own buffer (for the tests). */
  peak = 0;
  /** Called before a batch is written (to clear a progress line on the same terminal). */
  beforeSend: (() => void) | undefined;
  private parts: string[] = [];
  private size = 0;
  private blocked = false;

  /**
   * @param sink The stream.
   * @param batch The most characters gathered before they are written.
   */
  constructor(
    private readonly sink: Sink,
    private readonly batch: number = BATCH,
  ) {}

  /** Whether the stream is full: wait for {@link ready} before more findings are made. */
  get full(): boolean {
    return this.blocked;
  }

  /** Adds text; writes the batch when it is full. */
  write(text: Text): void {
    const value = text.value;
    if (value === '') return;
    this.parts.push(value);
    this.size += value.length;
    if (this.size > this.peak) this.peak = this.size;
    if (this.size >= this.batch) this._send();
  }

  /** Resolves when the stream can take more (at once when it is not full). */
  async ready(): Promise<void> {
    while (this.blocked) {
      await new Promise<void>((resolve) => this.sink.once('drain', resolve));
      this.blocked = false;
    }
  }

  /** Writes what is gathered, and waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.size > 0) this._send();
    await this.ready();
  }

  private _send(): void {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.beforeSend?.();
    if (!this.sink.write(text)) this.blocked = true;
  }
}
