/**
 * The registry of the keys the checks read, by group: the one place that knows them (see the read
 * protocol in read.ts). While `Object.prototype` holds none of a call's keys, records are read
 * directly; while it holds one, through the own-keys view. Each group is its test against
 * `Object.prototype`, written out key by key on purpose: an `in` test on a constant key is an
 * inline-cached lookup of a few hundred picoseconds, where a loop over a list would look each key up
 * by a varying name, several times slower (and a list beside the test would be a second copy to keep
 * true). test/keys.test.ts records every key each public check reads and fails for one that the groups
 * of its call do not test; the pollution tests (test/prototype-pollution.test.ts,
 * test/azure-hostile.test.ts) check that a polluted key cannot fool a check.
 *
 * The base group is what OpenAI's current checks read, tested by every call. The others are tested only
 * by the calls whose checks read them (a guard is made with its groups, see `_guard`), so that
 * `isRunStepObject` pays for none of them.
 */

/**
 * A group of keys, as the test that says whether `Object.prototype` holds none of them: `true` while it
 * is clean. The keys are the `in` tests written out in it, sorted; test/keys.test.ts reads them back by
 * polluting `Object.prototype` with each key a check reads, one at a time.
 */
export type _KeyGroup = () => boolean;

/** `Object.prototype`, as read once when the package loads. */
export const _ObjectPrototype: object = Object.prototype;

/** The keys OpenAI's current checks read (run steps, their details and tool calls, deltas and stream events): `true` while `Object.prototype` holds none. */
export function _baseKeysClean(): boolean {
  const prototype = _ObjectPrototype;
  return !(
    'arguments' in prototype ||
    'assistant_id' in prototype ||
    'attributes' in prototype ||
    'cached_tokens' in prototype ||
    'cancelled_at' in prototype ||
    'code' in prototype ||
    'code_interpreter' in prototype ||
    'completed_at' in prototype ||
    'completion_tokens' in prototype ||
    'completion_tokens_details' in prototype ||
    'content' in prototype ||
    'created_at' in prototype ||
    'data' in prototype ||
    'delta' in prototype ||
    'event' in prototype ||
    'expired_at' in prototype ||
    'expires_at' in prototype ||
    'failed_at' in prototype ||
    'file_id' in prototype ||
    'file_name' in prototype ||
    'file_search' in prototype ||
    'function' in prototype ||
    'id' in prototype ||
    'image' in prototype ||
    'index' in prototype ||
    'input' in prototype ||
    'last_error' in prototype ||
    'logs' in prototype ||
    'message' in prototype ||
    'message_creation' in prototype ||
    'message_id' in prototype ||
    'metadata' in prototype ||
    'name' in prototype ||
    'object' in prototype ||
    'output' in prototype ||
    'outputs' in prototype ||
    'prompt_token_details' in prototype ||
    'prompt_tokens' in prototype ||
    'ranker' in prototype ||
    'ranking_options' in prototype ||
    'reasoning_tokens' in prototype ||
    'results' in prototype ||
    'run_id' in prototype ||
    'score' in prototype ||
    'score_threshold' in prototype ||
    'status' in prototype ||
    'step_details' in prototype ||
    'text' in prototype ||
    'thread_id' in prototype ||
    'tool_calls' in prototype ||
    'total_tokens' in prototype ||
    'type' in prototype ||
    'usage' in prototype
  );
}

/** The key only the historical checks read: v1's `retrieval` tool call. */
export const _HISTORICAL_KEYS: _KeyGroup = () => !('retrieval' in _ObjectPrototype);

/** The keys only the list checks read (the list endpoint's envelope). */
export const _LIST_KEYS: _KeyGroup = () => {
  const prototype = _ObjectPrototype;
  return !('first_id' in prototype || 'has_more' in prototype || 'last_id' in prototype);
};

/** The keys only the Azure profile's checks read (its tool call kinds and `activities` details). */
export const _AZURE_KEYS: _KeyGroup = () => {
  const prototype = _ObjectPrototype;
  return !(
    'acknowledged_safety_checks' in prototype ||
    'action' in prototype ||
    'activities' in prototype ||
    'azure_ai_search' in prototype ||
    'azure_function' in prototype ||
    'bing_custom_search' in prototype ||
    'bing_grounding' in prototype ||
    'browser_automation' in prototype ||
    'computer_use_preview' in prototype ||
    'connected_agent' in prototype ||
    'current_state' in prototype ||
    'deep_research' in prototype ||
    'description' in prototype ||
    'fabric_dataagent' in prototype ||
    'last_step_result' in prototype ||
    'next_step' in prototype ||
    'parameters' in prototype ||
    'pending_safety_checks' in prototype ||
    'server_label' in prototype ||
    'sharepoint_grounding' in prototype ||
    'steps' in prototype ||
    'tools' in prototype
  );
};

/** One group for a call whose checks read the keys of several: `undefined` for none, the group itself for one. */
export function _joinKeys(groups: readonly (_KeyGroup | undefined)[]): _KeyGroup | undefined {
  // Spread, not `push`: an index setter a user put on `Array.prototype` never runs.
  let present: _KeyGroup[] = [];
  for (const group of groups) if (group !== undefined && !present.includes(group)) present = [...present, group];
  if (present.length <= 1) return present[0];
  return () => present.every((group) => group());
}
