// `npm run test:playground`: the playground page (docs/playground/) in headless Chromium, on the built package,
// served by scripts/playground.mjs as `npm run playground` serves it. Needs Debian's chromium (/usr/bin/chromium,
// or $CHROMIUM), so it is not part of `npm test`; .ci/run runs it once Chromium is installed. It pastes a recorded
// run step and a corrupted one, and checks what the page shows; the screenshot goes to .tmp/playground/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';
import { startServer } from '../../scripts/playground.mjs';

const OUT = new URL('../../.tmp/playground/', import.meta.url).pathname;
const example = (file: string): string => readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');

let server: Server;
let context: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];

/** Puts `text` in the input as a paste would, and waits for the page to render it. */
async function paste(text: string): Promise<void> {
  const before = await page.evaluate(() => Number(document.body.dataset['rendered'] ?? 0));
  await page.fill('#input', text);
  await page.waitForFunction((count) => Number(document.body.dataset['rendered'] ?? 0) > count, before);
}

const entries = () =>
  page.$$eval('#results > li', (items) =>
    items.map((item) => ({
      what: item.querySelector('.what')?.textContent?.trim(),
      verdict: item.querySelector('.verdict')?.textContent,
      findings: [...item.querySelectorAll('.findings li')].map((li) => li.textContent),
      issues: [...item.querySelectorAll('.issue')].map((li) => li.getAttribute('data-path')),
    })),
  );

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
  let url: string;
  ({ server, url } = await startServer({ port: 0 }));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS],
    headless: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset['rendered'] !== undefined);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the playground, in Chromium', () => {
  it('loads the built package, with nothing to check yet', async () => {
    expect(await page.textContent('#summary')).toBe('Nothing to check yet.');
  });

  it('shows a recorded run step as valid, with what the narrowing helpers find', async () => {
    await paste(example('cli/valid-step.json'));
    expect(await page.textContent('#summary')).toBe('1 value: 1 valid, 0 invalid, 0 malformed, 0 skipped');
    expect(await entries()).toEqual([
      {
        what: 'line 1: run step step_kjJ6wGf84Tj7yjMbNW8ojZ6c',
        verdict: 'valid',
        findings: [
          'tool_calls, completed (final)',
          'tool calls: 1 file_search',
          'file search: 2 results',
          '849 tokens',
        ],
        issues: [],
      },
    ]);
    expect(await page.$$('#annotated mark')).toHaveLength(0);
  });

  it('shows every issue of a corrupted step, each marked on the characters its path names', async () => {
    const text = example('cli/invalid-step.json');
    await paste(text);
    expect(await page.textContent('#summary')).toBe('1 value: 0 valid, 1 invalid, 0 malformed, 0 skipped');
    const [entry] = await entries();
    expect(entry?.verdict).toBe('invalid');
    expect(entry?.issues).toEqual(['status', 'step_details.tool_calls[0].function.output']);
    // The marks hold exactly the two bad values, as the input has them.
    expect(await page.$$eval('#annotated mark', (marks) => marks.map((mark) => mark.textContent))).toEqual([
      '"done"',
      '42',
    ]);
    expect(await page.textContent('#annotated')).toBe(text);
    // Choosing an issue selects its characters in the input.
    await page.click('.issue[data-path="step_details.tool_calls[0].function.output"]');
    const selected = await page.$eval('#input', (area) => {
      const input = area as HTMLTextAreaElement;
      return input.value.slice(input.selectionStart, input.selectionEnd);
    });
    expect(selected).toBe('42');
    expect(await page.$$eval('#annotated mark.active', (marks) => marks.map((mark) => mark.textContent))).toEqual([
      '42',
    ]);
    await page.screenshot({ path: join(OUT, 'playground.png'), fullPage: true });
  }, 30_000);

  it('checks NDJSON and SSE recordings value by value, and reports the broken pieces', async () => {
    await paste(example('cli/invalid.ndjson'));
    expect(await page.textContent('#summary')).toBe('4 values: 2 valid, 1 invalid, 1 malformed, 0 skipped');
    await paste(example('cli/valid.sse'));
    expect(await page.textContent('#summary')).toBe('6 values: 3 valid, 0 invalid, 0 malformed, 3 skipped');
    await paste(example('cli/invalid.sse'));
    const found = await entries();
    expect(found.map(({ verdict }) => verdict)).toEqual(['valid', 'malformed', 'invalid', 'skipped']);
    expect(found[2]?.issues).toEqual(['data.completed_at']);
    expect(await page.$$eval('#annotated mark', (marks) => marks.map((mark) => mark.textContent))).toContain(
      '"2024-05-04T20:09:26Z"',
    );
  });

  it('renders what the input holds as text: markup in a value stays text', async () => {
    const step = JSON.parse(example('cli/invalid-step.json'));
    step.id = '<img src=x onerror="window.__pwned = 1">';
    step.status = '<b>done</b>';
    await paste(JSON.stringify(step));
    expect(await page.$$('#results img, #results b, #annotated img, #annotated b')).toHaveLength(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect((await page.textContent('#results .what'))?.trim()).toBe(`line 1: run step ${step.id}`);
  });

  it('loads an example input from the menu', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset['rendered'] ?? 0));
    await page.selectOption('#example', { label: 'a broken list response' });
    await page.waitForFunction((count) => Number(document.body.dataset['rendered'] ?? 0) > count, before);
    expect(await entries()).toEqual([
      { what: 'line 1: list', verdict: 'invalid', findings: [], issues: ['data[1].id', 'has_more'] },
    ]);
  });

  it('logged no error, and no policy violation', () => {
    expect(problems).toEqual([]);
  });

  it('runs under a Content-Security-Policy that refuses inline scripts and eval', async () => {
    // Last: the refused script logs a violation. The package and the page work without either, as shown above.
    const response = await page.goto(page.url());
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
    await page.waitForFunction(() => document.body.dataset['rendered'] !== undefined);
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
            once: true,
          });
          const script = document.createElement('script');
          script.textContent = 'window.__inline = 1;';
          document.body.append(script);
        }),
    );
    expect(violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { __inline?: number }).__inline)).toBeUndefined();
  });
});
