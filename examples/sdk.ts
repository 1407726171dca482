import { readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { isRunStepObject, toSdkRunStep } from 'openai-run-step-guards';

type SdkRunStep = OpenAI.Beta.Threads.Runs.RunStep;
const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./payloads/${name}`, import.meta.url), 'utf8'));

// Code written against the official SDK's type.
function summarize(step: SdkRunStep): string {
  return `${step.id}: ${step.type}, expired_at ${step.expired_at}, metadata ${JSON.stringify(step.metadata)}`;
}

// A checked step lacks the two keys the SDK requires and the API never sent: toSdkRunStep fills them
// in, on a copy. (Under exactOptionalPropertyTypes, which this repository uses, only a message creation
// step then passes.)
const checked = read('message-creation-completed.json');
if (isRunStepObject(checked) && checked.type === 'message_creation') console.log(summarize(toSdkRunStep(checked)));

// A value the SDK typed (as `client.beta.threads.runs.steps.retrieve` returns it): the guard adds the
// narrowing the SDK's type lacks, and the value stays an SDK run step. Its `expired_at`, typed
// `number | null` there, is not on the wire at all.
const fromSdk: SdkRunStep = read('function-call-completed.json') as SdkRunStep;
if (isRunStepObject(fromSdk) && fromSdk.type === 'tool_calls') {
  const names = fromSdk.step_details.tool_calls.map((call) =>
    call.type === 'function' ? call.function.name : call.type,
  );
  console.log(`${fromSdk.id} called ${names.join(', ')}; expired_at ${fromSdk.expired_at}`);
}
