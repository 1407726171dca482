import { readFileSync } from 'node:fs';
import type { ItemCreateParams } from 'openai/resources/conversations/items';
import { isRunStepObject } from 'openai-run-step-guards';
import { batchItems, toConversationItems } from 'openai-run-step-guards/migrate';

const read = (name: string) => readFileSync(new URL(`./payloads/${name}`, import.meta.url), 'utf8');
// A recorded run (Apr 2024): its stream events, whose completed events carry the steps; and the thread's
// messages (synthetic: no recording holds any), stored beside them.
const steps = read('stream-code-interpreter.jsonl')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line))
  .filter((event) => event.event === 'thread.run.step.completed')
  .map((event) => event.data);
const messages: unknown[] = JSON.parse(read('thread-messages.synthetic.json'));

const { items, report } = toConversationItems([...steps, ...messages], {
  guard: isRunStepObject,
  codeInterpreter: 'transcript', // a labelled assistant message: the code and its logs
});
for (const item of items) {
  if (item.type !== 'message') {
    console.log(`${item.type} ${item.call_id}`);
    continue;
  }
  const text = typeof item.content === 'string' ? item.content : JSON.stringify(item.content);
  console.log(`${item.role}: ${text.split('\n')[0]!.slice(0, 70)}`);
}
for (const entry of report.entries)
  console.log(`${entry.action} ${entry.kind} at ${entry.path.join('.')}: ${entry.reason}`);

// What conversations.items.create takes, typed by the SDK (not sent here): at most 20 items a call.
for (const batch of batchItems(items, 20)) {
  const params: ItemCreateParams = { items: batch };
  console.log(`conversations.items.create(conversationId, ${params.items.length} items)`);
}
