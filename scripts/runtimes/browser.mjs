// Chromium: loaded by index.html, whose import map points the package's name (and its azure subpath) at its ESM build. The result
// goes into the page, where the runner reads it.
import * as pkg from 'openai-run-step-guards';
import * as azure from 'openai-run-step-guards/azure';
import step from './payload.mjs';
import { report } from './smoke.mjs';

const output = document.getElementById('result');
output.textContent = JSON.stringify(report(pkg, step, import.meta.resolve('openai-run-step-guards'), azure));
output.dataset.done = 'true';
