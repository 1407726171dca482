// The items of openai-run-step-guards/migrate against the official SDK (openai 7.x): each is a
// `ResponseInputItem`, so a list of them is `conversations.items.create`'s `items` and `responses.create`'s
// `input`; and they narrow on `type`.
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import type { ItemCreateParams } from 'openai/resources/conversations/items';
import { expectAssignable, expectError, expectNotAssignable, expectType } from 'tsd';
import { isHistoricalRunStepObject, isRunStepObject } from '../src/index.js';
import { isAzureRunStepObject } from '../src/azure/index.js';
import {
  MAX_CALL_ID_LENGTH,
  MAX_ITEMS_PER_CALL,
  MAX_OUTPUT_LENGTH,
  PENDING_OUTPUT,
  batchItems,
  toConversationItems,
  type CheckedRunStep,
  type CheckedToolCall,
  type ConversationItem,
  type ConversionAction,
  type ConversionEntry,
  type ConversionOptions,
  type ConversionReason,
  type ConversionReport,
  type ConversionResult,
  type ConversionTally,
  type FunctionCallItem,
  type FunctionCallOutputItem,
  type InputContentPart,
  type InputFilePart,
  type InputImagePart,
  type InputTextPart,
  type ItemsAnswer,
  type MessageItem,
  type PendingFunctionChoice,
  type ToolCallChoice,
} from '../src/migrate/index.js';

declare const steps: unknown[];
const result = toConversationItems(steps, { guard: isHistoricalRunStepObject, codeInterpreter: 'transcript' });
expectType<ConversionResult>(result);
expectType<ConversationItem[]>(result.items);
expectType<ConversionReport>(result.report);
expectType<readonly ConversionEntry[]>(result.report.entries);
expectType<ReadonlyMap<string, ConversionTally>>(result.report.tally);
expectType<ConversionAction>(result.report.entries[0]!.action);
expectType<ConversionReason>(result.report.entries[0]!.reason);

// Every item is a ResponseInputItem; the list is what conversations.items.create takes.
expectAssignable<ResponseInputItem[]>(result.items);
expectAssignable<ItemCreateParams['items']>(result.items);
expectAssignable<ResponseInputItem>({} as MessageItem);
expectAssignable<ResponseInputItem>({} as FunctionCallItem);
expectAssignable<ResponseInputItem>({} as FunctionCallOutputItem);
expectAssignable<ItemCreateParams>({ items: batchItems(result.items, MAX_ITEMS_PER_CALL)[0]! });
// A SDK item is not necessarily one of these (it may hold an id, or be a code interpreter call).
expectNotAssignable<ConversationItem>({} as ResponseInputItem);

// Narrowed by type.
for (const item of result.items) {
  if (item.type === 'function_call') expectType<FunctionCallItem>(item);
  else if (item.type === 'function_call_output') expectType<string | InputContentPart[]>(item.output);
  else expectType<MessageItem>(item);
}
declare const part: InputContentPart;
if (part.type === 'input_text') expectType<InputTextPart>(part);
else if (part.type === 'input_image') expectType<InputImagePart>(part);
else expectType<InputFilePart>(part);

// The options: guards of every flavour, choices, callbacks.
expectAssignable<ConversionOptions>({ guard: isRunStepObject });
expectAssignable<ConversionOptions>({ guard: isAzureRunStepObject, provider: 'transcript' });
expectAssignable<ConversionOptions>({
  message: (id: string, step: CheckedRunStep): ItemsAnswer => ({
    type: 'message',
    role: 'assistant',
    content: id + step.id,
  }),
  fileSearch: (call: CheckedToolCall) => [{ type: 'message', role: 'assistant', content: call.type }],
  pendingFunction: (call: CheckedToolCall) => `no output for ${call.id}`,
});
expectAssignable<ToolCallChoice>('drop');
expectAssignable<PendingFunctionChoice>('error');
expectNotAssignable<ToolCallChoice>('error');
expectNotAssignable<PendingFunctionChoice>('transcript');
expectError(toConversationItems(steps, { codeInterpreter: 'keep' }));
expectType<64>(MAX_CALL_ID_LENGTH);
expectType<10_485_760>(MAX_OUTPUT_LENGTH);
expectType<string>(PENDING_OUTPUT);
expectType<ConversationItem[][]>(batchItems(result.items));
