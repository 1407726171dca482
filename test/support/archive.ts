// The fixtures of archives: historical run steps (test/fixtures/historical, the pre-usage v1 wire
// payloads, the items of the v1 list) and whole list responses (test/fixtures/lists).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, PRE_USAGE_V1, findRunSteps, loadFixtureFiles, type FoundStep } from './fixtures.js';

/** Every `*.json` (provenance records excluded) in `folder`, parsed, by `folder/name`. */
function loadFolder(folder: string): { file: string; json: any }[] {
  return readdirSync(join(FIXTURES_DIR, folder))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.source.json'))
    .sort()
    .map((name) => ({
      file: `${folder}/${name}`,
      json: JSON.parse(readFileSync(join(FIXTURES_DIR, folder, name), 'utf8')),
    }));
}

/** Every list response in test/fixtures/lists. */
export function listFixtures(): { file: string; json: Record<string, any> }[] {
  return loadFolder('lists');
}

/**
 * Every run step that only the historical guard accepts, with the paths at which `validateRunStepObject`
 * rejects it (its documented reasons, from test/fixtures/historical/README.md and the wire records).
 */
export function historicalRunSteps(): (FoundStep & { currentIssues: string[] })[] {
  const reasons: Record<string, string[]> = {
    'historical/h01__v1-2023_retrieval_completed_no-usage.json': ['usage', 'step_details.tool_calls[0].type'],
    'historical/h02__v1-2024-02_retrieval_with-usage.json': ['step_details.tool_calls[0].type'],
    'historical/h03__v1-2023_in-progress_code-interpreter_function-no-output.json': [
      'usage',
      'step_details.tool_calls[1].function.output',
    ],
    'lists/l03__simple-openai_v1-2023_function-no-output_no-usage.json data[0]': [
      'usage',
      'step_details.tool_calls[0].function.output',
    ],
  };
  for (const file of PRE_USAGE_V1) reasons[file] = ['usage'];
  const found: FoundStep[] = [
    ...loadFolder('historical').map(({ file, json }) => ({ source: file, step: json })),
    ...findRunSteps(loadFixtureFiles()).filter(({ source }) => PRE_USAGE_V1.has(source)),
    ...listFixtures().flatMap(({ file, json }) =>
      (json['data'] as Record<string, unknown>[])
        .map((step, index) => ({ source: `${file} data[${index}]`, step }))
        .filter(({ source }) => source in reasons),
    ),
  ];
  return found.map((step) => {
    const currentIssues = reasons[step.source];
    if (currentIssues === undefined) throw new Error(`no documented reason for ${step.source}`);
    return { ...step, currentIssues };
  });
}
