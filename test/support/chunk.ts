// Cuts a known final run step into the stream a server could have sent for it: a created event whose
// step has no tool calls yet, then deltas that carry the calls in chunks, as docs/WIRE.md describes
// them (the first chunk of a call carries its id, type and, for a function, its name; later chunks carry
// fragments to append). Every random choice comes from `draw`, so fast-check can generate and shrink it.
// Written from the wire's description only, independently of src/streaming/merge.ts.

/** A random integer from 0 to `max`, both included. */
export type Draw = (max: number) => number;

/** A stream for one step: the created event, then the delta events, in order. */
export interface Chunked {
  readonly created: { event: 'thread.run.step.created'; data: Record<string, any> };
  readonly deltas: { event: 'thread.run.step.delta'; data: Record<string, any> }[];
}

/** Options of {@link chunkStep}. */
export interface ChunkOptions {
  /**
   * Send every file search result in the call's first chunk. The official SDK cannot merge results that
   * arrive later (they carry no `index`), so the differential test asks for this.
   */
  readonly resultsInFirstChunk?: boolean;
}

/** `text` cut into pieces at random places; pieces may be empty; at least one piece. */
export function split(text: string, draw: Draw): string[] {
  const cuts = Array.from({ length: draw(Math.min(text.length, 6)) }, () => draw(text.length)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** The items of several ordered lanes, interleaved at random, each lane's order kept. */
export function interleave<Item>(lanes: readonly (readonly Item[])[], draw: Draw): Item[] {
  const queues = lanes.filter((lane) => lane.length > 0).map((lane) => [...lane]);
  const out: Item[] = [];
  while (queues.length > 0) {
    const pick = draw(queues.length - 1);
    const queue = queues[pick]!;
    out.push(queue.shift()!);
    if (queue.length === 0) queues.splice(pick, 1);
  }
  return out;
}

/** `items` in consecutive groups of 1 to `max` items. */
function groups<Item>(items: readonly Item[], max: number, draw: Draw): Item[][] {
  const out: Item[][] = [];
  for (let start = 0; start < items.length;) {
    const size = 1 + draw(max - 1);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/** The chunks of one code interpreter output at `index`: its first, then its fragments. */
function outputChunks(output: Record<string, any>, index: number, draw: Draw): Record<string, any>[] {
  if (output['type'] === 'image') return [{ index, type: 'image', image: output['image'] }];
  const [first, ...rest] = split(output['logs'], draw);
  return [{ index, type: 'logs', logs: first }, ...rest.map((logs) => ({ index, type: 'logs', logs }))];
}

/** The chunks of one tool call at `index`, in an order a server could send them. */
function callChunks(
  call: Record<string, any>,
  index: number,
  draw: Draw,
  options: ChunkOptions,
): Record<string, any>[] {
  const { id, type } = call;
  const chunk = (body: Record<string, unknown>) => ({ index, type, [type]: body });
  if (type === 'function') {
    const { name, arguments: args, output } = call['function'];
    const [firstArgs, ...moreArgs] = split(args, draw);
    const outputs = output === null ? [] : split(output, draw).map((piece) => chunk({ output: piece }));
    return [
      { index, id, type, function: { name, arguments: firstArgs, output: null } },
      ...interleave([moreArgs.map((piece) => chunk({ arguments: piece })), outputs], draw),
    ];
  }
  if (type === 'code_interpreter') {
    const { input, outputs } = call['code_interpreter'];
    const [firstInput, ...moreInput] = split(input, draw);
    const outputLanes = (outputs as Record<string, any>[]).map((output, n) =>
      outputChunks(output, n, draw).map((piece) => chunk({ outputs: [piece] })),
    );
    return [
      { index, id, type, code_interpreter: { input: firstInput, outputs: [] } },
      ...interleave([moreInput.map((piece) => chunk({ input: piece })), ...outputLanes], draw),
    ];
  }
  const body = call['file_search'];
  const first: Record<string, unknown> = {};
  if ('ranking_options' in body) first['ranking_options'] = body['ranking_options'];
  if (!('results' in body)) return [{ index, id, type, file_search: first }];
  const results: unknown[] = body['results'];
  const slices = options.resultsInFirstChunk ? [results] : [[], ...groups(results, 2, draw)];
  return [
    { index, id, type, file_search: { ...first, results: slices[0] } },
    ...slices.slice(1).map((slice) => chunk({ results: slice })),
  ];
}

/**
 * A random stream for `step`: a created event with the step's tool calls taken out, then deltas of 1 to 3
 * chunks; the calls' chunks interleaved at random (so a call may start before a call of lower index),
 * each call's own chunks in order. A message creation step gets deltas that repeat its message id.
 */
export function chunkStep(step: Record<string, any>, draw: Draw, options: ChunkOptions = {}): Chunked {
  const id = step['id'];
  const details = step['step_details'];
  const deltaEvent = (stepDetails: Record<string, unknown> | undefined) => ({
    event: 'thread.run.step.delta' as const,
    data: {
      id,
      object: 'thread.run.step.delta',
      delta: stepDetails === undefined ? {} : { step_details: stepDetails },
    },
  });
  if (details['type'] === 'message_creation') {
    const deltas = Array.from({ length: draw(2) }, () => deltaEvent({ type: 'message_creation', ...details }));
    if (draw(1) === 1) deltas.push(deltaEvent(undefined));
    return { created: { event: 'thread.run.step.created', data: step }, deltas };
  }
  const created = { ...step, step_details: { ...details, tool_calls: [] } };
  const lanes = (details['tool_calls'] as Record<string, any>[]).map((call, index) =>
    callChunks(call, index, draw, options),
  );
  const deltas = groups(interleave(lanes, draw), 3, draw).map((group) =>
    deltaEvent({ type: 'tool_calls', tool_calls: group }),
  );
  return { created: { event: 'thread.run.step.created', data: created }, deltas };
}
