// The playground page: the text of the input goes through analyse() (the built package's guards and validators,
// in analyse.js) and every finding is shown, each issue marked on the characters its path names. Everything the
// input holds is rendered as text (textContent, never HTML), so a pasted value cannot add markup to the page.
import { analyse } from './analyse.js';

/** The example inputs: the CLI's (a valid and an invalid file of each input kind) and an Azure recording. */
const EXAMPLES = [
  ['a recorded run step', '../../examples/cli/valid-step.json'],
  ['a corrupted run step', '../../examples/cli/invalid-step.json'],
  ['a list response', '../../examples/cli/valid-list.json'],
  ['a broken list response', '../../examples/cli/invalid-list.json'],
  ['an array of values, some invalid', '../../examples/cli/invalid-array.json'],
  ['NDJSON', '../../examples/cli/valid.ndjson'],
  ['NDJSON, with a broken line', '../../examples/cli/invalid.ndjson'],
  ['a recorded SSE stream', '../../examples/cli/valid.sse'],
  ['an SSE stream, broken', '../../examples/cli/invalid.sse'],
  ['Azure AI Foundry steps (tick the Azure profile)', '../../examples/providers/azure-bing-grounding.steps.json'],
];

const $ = (id) => document.getElementById(id);
const input = $('input');
const azure = $('azure');

/** A new element with its text (as text: never parsed as HTML) and classes. */
function element(tag, text, ...classes) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  node.classList.add(...classes);
  return node;
}

let marks = [];
let issueItems = [];

/** Marks issue `index` as the active one: in the list, on the annotated input, and as the textarea's selection. */
function activate(index, range) {
  for (const item of issueItems) item.classList.toggle('active', item.dataset.issue === String(index));
  let first;
  for (const mark of marks) {
    const on = mark.dataset.issues.split(' ').includes(String(index));
    mark.classList.toggle('active', on);
    if (on && first === undefined) first = mark;
  }
  first?.scrollIntoView({ block: 'nearest' });
  input.setSelectionRange(range.start, range.end);
}

/** The input as text, with a <mark> over each stretch that some issue's range covers (ranges may nest). */
function annotate(text, ranges) {
  const pre = $('annotated');
  pre.replaceChildren();
  marks = [];
  const events = [];
  ranges.forEach(({ start, end }, index) => {
    events.push([start, 1, index], [end, -1, index]);
  });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const active = new Set();
  let at = 0;
  const flush = (to) => {
    if (to <= at) return;
    const piece = text.slice(at, to);
    if (active.size === 0) pre.append(document.createTextNode(piece));
    else {
      const mark = element('mark', piece);
      const ids = [...active].sort((a, b) => a - b);
      mark.dataset.issues = ids.join(' ');
      mark.title = ids.map((id) => ranges[id].label).join('\n');
      mark.addEventListener('click', () => activate(ids[ids.length - 1], ranges[ids[ids.length - 1]]));
      marks.push(mark);
      pre.append(mark);
    }
    at = to;
  };
  for (const [position, change, index] of events) {
    flush(position);
    if (change === 1) active.add(index);
    else active.delete(index);
  }
  flush(text.length);
}

/** Checks the input and shows what was found. */
function render() {
  const text = input.value;
  const started = performance.now();
  let entries;
  try {
    entries = analyse(text, { azure: azure.checked });
  } catch (error) {
    $('status').textContent = `the playground failed on this input: ${error}`;
    return;
  }
  const results = $('results');
  results.replaceChildren();
  issueItems = [];
  const ranges = [];
  const tally = { valid: 0, invalid: 0, malformed: 0, skipped: 0 };

  for (const entry of entries) {
    const item = element('li', undefined, 'entry');
    item.dataset.kind = entry.kind;
    const verdict =
      entry.kind === 'malformed'
        ? 'malformed'
        : entry.valid === undefined
          ? 'skipped'
          : entry.valid
            ? 'valid'
            : 'invalid';
    tally[verdict]++;
    const head = element('div', undefined, 'head');
    head.append(
      element('span', `${entry.where}: ${entry.kind}${entry.id === undefined ? '' : ` ${entry.id}`} `, 'what'),
      element(
        'span',
        verdict,
        'verdict',
        verdict === 'valid' ? 'valid' : verdict === 'skipped' ? 'skipped' : 'invalid',
      ),
    );
    item.append(head);
    if (entry.message !== undefined) item.append(element('div', entry.message, 'message'));
    if (entry.kind === 'malformed') ranges.push({ start: entry.start, end: entry.end, label: entry.message });
    if (entry.summary.length > 0) {
      const findings = element('ul', undefined, 'findings');
      for (const line of entry.summary) findings.append(element('li', line));
      item.append(findings);
    }
    if (entry.issues.length > 0) {
      const issues = element('ol', undefined, 'issues');
      for (const issue of entry.issues) {
        const index = ranges.length;
        const range = { start: issue.start, end: issue.end, label: `${issue.where}: ${issue.message}` };
        ranges.push(range);
        const line = element('li', undefined, 'issue');
        line.dataset.issue = String(index);
        line.dataset.path = issue.where;
        line.append(
          element('span', issue.where, 'path'),
          element('span', `: ${issue.message}${issue.exact ? '' : ' (not in the text: marked where it belongs)'}`),
        );
        line.addEventListener('click', () => activate(index, range));
        issueItems.push(line);
        issues.append(line);
      }
      item.append(issues);
    }
    results.append(item);
  }
  annotate(text, ranges);
  const count = entries.length;
  $('summary').textContent =
    count === 0
      ? 'Nothing to check yet.'
      : `${count} value${count === 1 ? '' : 's'}: ${tally.valid} valid, ${tally.invalid} invalid, ${tally.malformed} malformed, ${tally.skipped} skipped`;
  $('status').textContent = `checked ${text.length} characters in ${(performance.now() - started).toFixed(1)} ms`;
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
}

let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(render, 150);
});
azure.addEventListener('change', render);

async function load(text) {
  input.value = text;
  render();
}

const select = $('example');
const none = element('option', 'choose one…');
none.value = '';
select.append(none);
for (const [label, path] of EXAMPLES) {
  const option = element('option', label);
  option.value = path;
  select.append(option);
}
select.addEventListener('change', async () => {
  if (select.value === '') return;
  const response = await fetch(select.value);
  if (select.value.includes('azure')) azure.checked = true;
  await load(await response.text());
});

$('file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  if (file !== undefined) await load(await file.text());
});
input.addEventListener('dragover', (event) => {
  event.preventDefault();
  input.classList.add('dragging');
});
input.addEventListener('dragleave', () => input.classList.remove('dragging'));
input.addEventListener('drop', async (event) => {
  event.preventDefault();
  input.classList.remove('dragging');
  const [file] = event.dataTransfer.files;
  if (file !== undefined) await load(await file.text());
});

render();
