// What the playground says about a pasted text, without the page: the values it holds (a JSON document, an array,
// NDJSON, documents end to end, or a recorded server-sent event stream), what each one is, whether it is valid,
// every issue with the characters its path names, and for a valid step what the narrowing helpers find. It runs
// on the built package (dist/), in the browser as in Node; test/playground.test.ts checks it in Node.
import {
  TOOL_CALL_TYPES,
  formatPath,
  getToolCallsByType,
  historicalRunStepTraits,
  isAnyRunStepList,
  isHistoricalRunStepObject,
  isRunStepList,
  isRunStepObject,
  isTerminalStep,
  runStepGeneration,
  validateAnyRunStepList,
  validateHistoricalRunStepObject,
  validateRunStepDeltaObject,
  validateRunStepList,
  validateRunStepObject,
  validateRunStepStreamEvent,
} from '../../dist/index.js';
import { AZURE_TOOL_CALL_TYPES, isAzureRunStepObject, validateAzureRunStepObject } from '../../dist/azure.js';
import { locate, scanAll, scanValue, ScanError, work } from './json-scan.js';

const SSE_LINE = /^(?:event|data|id|retry):|^:/;

/** Whether a text is a recorded server-sent event stream: its first line that is not blank is a field. */
export function isSse(text) {
  const first = text.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && SSE_LINE.test(first.trimStart());
}

/**
 * A function from an offset of `text` to its line (1-based). Asked in increasing order of offsets, as `pieces`
 * asks, it walks forward from its last answer, so that all the answers together cost one pass over the line
 * starts; an offset before the last one is found by a binary search.
 */
function lineIndex(text) {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  let last = 0;
  return (offset) => {
    if (offset < starts[last]) {
      let low = 0;
      let high = last;
      while (low < high) {
        work.steps++;
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
      }
      last = low;
    }
    while (last + 1 < starts.length && starts[last + 1] <= offset) {
      work.steps++;
      last++;
    }
    return last + 1;
  };
}

/**
 * The pieces of a text to check: `{value, node, start, end, where, base}` for each value (its node from the
 * scanner, `base` the path prefix its issues' paths are relative to), and `{malformed, start, end, where}` for
 * each piece that is not JSON.
 */
export function pieces(text) {
  const lineOf = lineIndex(text);
  if (isSse(text)) return ssePieces(text, lineOf);
  const { values, errors } = scanAll(text);
  const out = [];
  // Values and broken pieces each come in the order of the text: merged, so that the lines are asked in order.
  let next = 0;
  const flushErrors = (before) => {
    for (; next < errors.length && errors[next].start < before; next++) {
      const error = errors[next];
      const line = lineOf(error.start);
      out.push({ malformed: error.message, start: error.start, end: error.end, where: `line ${line}`, line });
    }
  };
  for (const node of values) {
    flushErrors(node.start);
    const value = JSON.parse(text.slice(node.start, node.end));
    // A top-level array of values (not a list response's `data`): each item on its own, at its index.
    if (node.kind === 'array' && values.length === 1) {
      node.items.forEach((item, index) => {
        const at = { line: lineOf(item.start), index };
        out.push({
          value: value[index],
          node: item,
          start: item.start,
          end: item.end,
          where: `[${index}]`,
          ...at,
          base: [],
        });
      });
    } else {
      const line = lineOf(node.start);
      out.push({ value, node, start: node.start, end: node.end, where: `line ${line}`, line, base: [] });
    }
  }
  flushErrors(Infinity);
  return out;
}

/** An SSE stream's frames, each as the stream event `{event, data}` it carries. */
function ssePieces(text, lineOf) {
  const out = [];
  const frames = [];
  let frame = { start: -1, end: -1, event: undefined, data: [] };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineStart = offset;
    offset += raw.length + 1;
    if (line === '') {
      if (frame.start !== -1) frames.push(frame);
      frame = { start: -1, end: -1, event: undefined, data: [] };
      continue;
    }
    if (frame.start === -1) frame.start = lineStart;
    frame.end = lineStart + line.length;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let valueStart = colon === -1 ? line.length : colon + 1;
    if (line[valueStart] === ' ') valueStart++;
    if (field === 'event') frame.event = line.slice(valueStart);
    else if (field === 'data') frame.data.push({ text: line.slice(valueStart), start: lineStart + valueStart });
  }
  if (frame.start !== -1) frames.push(frame);

  for (const { start, end, event, data } of frames) {
    const line = lineOf(start);
    const where = `line ${line}`;
    if (data.length === 0) continue;
    const joined = data.map((part) => part.text).join('\n');
    if (joined === '[DONE]') {
      out.push({ skipped: 'the end of the stream ([DONE])', start, end, where, line });
      continue;
    }
    let value;
    try {
      value = JSON.parse(joined);
    } catch (error) {
      out.push({
        malformed: `the data of ${event ?? 'a frame'} is not JSON (${error.message})`,
        start,
        end,
        where,
        line,
      });
      continue;
    }
    // One data line: positions map straight into the text; several: the whole frame stands for its values.
    let node;
    if (data.length === 1) {
      try {
        const scanned = scanValue(text, data[0].start);
        if (scanned.end === data[0].start + data[0].text.trimEnd().length) node = scanned.node;
      } catch (error) {
        if (!(error instanceof ScanError)) throw error;
      }
    }
    const frameNode = node === undefined ? { kind: 'frame', start, end } : undefined;
    // Paths of a stream event's issues start at `data`; `event` itself is the frame's first line.
    out.push({
      value: event === undefined ? value : { event, data: value },
      node: frameNode ?? node,
      start,
      end,
      where,
      line,
      base: event === undefined || frameNode ? [] : ['data'],
    });
  }
  return out;
}

/**
 * What a value is, and the validator that says why it is not valid: as the CLI tells them apart. With `azure`
 * (the CLI's `--azure`), a run step OpenAI's guards reject is also tried with the Azure AI Foundry profile.
 */
function classify(value, azure) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'unrecognised', message: `not an object but ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  if ('event' in value && 'data' in value && typeof value.event === 'string') {
    if (!value.event.startsWith('thread.run.step.')) return { kind: 'skipped', message: `a ${value.event} event` };
    return { kind: 'stream event', validate: validateRunStepStreamEvent };
  }
  switch (value.object) {
    case 'thread.run.step':
      if (isRunStepObject(value)) return { kind: 'run step', valid: true };
      if (isHistoricalRunStepObject(value)) return { kind: 'historical run step', valid: true };
      if (azure && isAzureRunStepObject(value)) return { kind: 'Azure run step', valid: true };
      if (historicalRunStepTraits(value).length > 0) {
        return { kind: 'historical run step', validate: validateHistoricalRunStepObject };
      }
      if (azure && looksAzure(value)) return { kind: 'Azure run step', validate: validateAzureRunStepObject };
      return { kind: 'run step', validate: validateRunStepObject };
    case 'thread.run.step.delta':
      return { kind: 'run step delta', validate: validateRunStepDeltaObject };
    case 'list':
      if (isRunStepList(value)) return { kind: 'list', valid: true };
      if (isAnyRunStepList(value)) return { kind: 'list', valid: true };
      return {
        kind: 'list',
        validate:
          Array.isArray(value.data) && value.data.some((step) => historicalRunStepTraits(step).length > 0)
            ? validateAnyRunStepList
            : validateRunStepList,
      };
    default:
      return {
        kind: 'unrecognised',
        message: `not a run step, delta, stream event or list${typeof value.object === 'string' ? `: object ${JSON.stringify(value.object)}` : ''}`,
      };
  }
}

/** Whether a failing step shows an Azure-only kind: an `activities` step, or a call of one of Azure's types. */
function looksAzure(value) {
  const details = value.step_details;
  if (value.type === 'activities' || details?.type === 'activities') return true;
  const calls = Array.isArray(details?.tool_calls) ? details.tool_calls : [];
  return calls.some((call) => AZURE_TOOL_CALL_TYPES.includes(call?.type));
}

/** What the narrowing helpers find in a valid run step, line by line. */
export function describeStep(step) {
  const lines = [
    `${step.type}, ${step.status}${isRunStepObject(step) ? (isTerminalStep(step) ? ' (final)' : ' (may still change)') : ''}`,
  ];
  if (step.type === 'message_creation') lines.push(`creates message ${step.step_details.message_creation.message_id}`);
  if (step.type === 'tool_calls') {
    const calls = step.step_details.tool_calls;
    if (calls.length === 0) lines.push('no tool calls yet');
    else if (isRunStepObject(step)) {
      const counts = TOOL_CALL_TYPES.map((type) => [type, getToolCallsByType(step, type)]).filter(
        ([, of]) => of.length > 0,
      );
      lines.push(`tool calls: ${counts.map(([type, of]) => `${of.length} ${type}`).join(', ')}`);
      for (const call of getToolCallsByType(step, 'function')) {
        lines.push(
          `function ${call.function.name}(${call.function.arguments}) -> ${call.function.output ?? 'no output yet'}`,
        );
      }
      for (const call of getToolCallsByType(step, 'file_search')) {
        lines.push(`file search: ${call.file_search.results?.length ?? 0} results`);
      }
      for (const call of getToolCallsByType(step, 'code_interpreter')) {
        const outputs = call.code_interpreter.outputs.map((output) => output.type);
        lines.push(`code interpreter: ${outputs.length > 0 ? outputs.join(', ') : 'no outputs'}`);
      }
    } else lines.push(`tool calls: ${calls.map((call) => call.type).join(', ')}`);
  }
  if (step.last_error) lines.push(`last error: ${step.last_error.code} (${step.last_error.message})`);
  if (step.usage) lines.push(`${step.usage.total_tokens} tokens`);
  else lines.push('no usage');
  const generation = runStepGeneration(step);
  if (generation === 'historical') lines.push(`historical: ${historicalRunStepTraits(step).join(', ')}`);
  return lines;
}

/** The summary lines of a valid value of each kind. */
function describe(kind, value) {
  if (kind === 'run step' || kind === 'historical run step' || kind === 'Azure run step') return describeStep(value);
  if (kind === 'stream event') {
    const data = value.data;
    return [
      `${value.event}: ${data.object === 'thread.run.step' ? describeStep(data).join('; ') : `a delta of ${data.id}`}`,
    ];
  }
  if (kind === 'run step delta') {
    const details = value.delta.step_details;
    return [
      `a delta of ${value.id}${details?.type === 'tool_calls' ? `, ${details.tool_calls?.length ?? 0} tool call chunks` : ''}`,
    ];
  }
  if (kind === 'list') {
    const generations = value.data.map((step) => runStepGeneration(step));
    const historical = generations.filter((generation) => generation === 'historical').length;
    return [
      `${value.data.length} steps${historical > 0 ? `, ${historical} historical` : ''}, has_more ${value.has_more}`,
    ];
  }
  return [];
}

/**
 * The playground's findings on a text: one entry per piece, `{where, line, index, start, end, kind, id, valid,
 * issues, summary, message}` (`index` for the items of a top-level array); each issue `{path, where, message,
 * start, end, exact}`, its range the characters of the value its path names (or of the nearest value the text
 * holds, when the path names a missing key). `options.azure` also tries the Azure AI Foundry profile on run steps,
 * as the CLI's `--azure` does.
 */
export function analyse(text, { azure = false } = {}) {
  return pieces(text).map((piece) => {
    const { start, end, where, line, index } = piece;
    const at = { where, line, index, start, end, issues: [], summary: [] };
    if (piece.malformed !== undefined) return { ...at, kind: 'malformed', valid: false, message: piece.malformed };
    if (piece.skipped !== undefined) return { ...at, kind: 'skipped', valid: undefined, message: piece.skipped };
    const { value, node, base } = piece;
    const found = classify(value, azure);
    const id =
      typeof value?.id === 'string' ? value.id : typeof value?.data?.id === 'string' ? value.data.id : undefined;
    const entry = { ...at, kind: found.kind, id, valid: undefined, message: found.message };
    if (found.kind === 'skipped') return entry;
    if (found.kind === 'unrecognised') return { ...entry, valid: false };
    const result = found.valid ? { success: true } : found.validate(value);
    if (result.success) return { ...entry, valid: true, summary: describe(found.kind, value) };
    const issues = result.issues.map((issue) => {
      const path = [...issue.path];
      const relative = base.length > 0 && path[0] === base[0] ? path.slice(base.length) : path;
      const range = base.length > 0 && path[0] !== base[0] ? { start, end, exact: false } : locate(node, relative);
      return { path, where: formatPath(path), message: issue.message, ...range };
    });
    return { ...entry, valid: false, issues };
  });
}
