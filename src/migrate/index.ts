/**
 * openai-run-step-guards/migrate: carries archived Assistants run steps (and their thread messages) into the
 * Responses and Conversations APIs, as input items that `conversations.items.create` and `responses.create`
 * accept, with a report of every part that could not be carried over as it was.
 */

export { PENDING_OUTPUT, toConversationItems } from './convert.js';
export { MAX_CALL_ID_LENGTH, MAX_ITEMS_PER_CALL, MAX_OUTPUT_LENGTH, batchItems } from './items.js';
export type {
  CheckedRunStep,
  CheckedToolCall,
  ConversationItem,
  ConversionAction,
  ConversionEntry,
  ConversionOptions,
  ConversionReason,
  ConversionReport,
  ConversionResult,
  ConversionTally,
  FunctionCallItem,
  FunctionCallOutputItem,
  InputContentPart,
  InputFilePart,
  InputImagePart,
  InputTextPart,
  ItemsAnswer,
  MessageItem,
  PendingFunctionChoice,
  ToolCallChoice,
} from './types.js';
