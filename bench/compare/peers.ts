// This package and the validators a user would pick instead (issue 7), each checking the same wire shape.
import { existsSync, readFileSync } from 'node:fs';
import * as pkg from '../../dist/index.js';
import * as typiaIs from '../.generated/typia/is.js';
import * as typiaValidate from '../.generated/typia/validate.js';
import * as ajv from '../peers/ajv.js';
import * as arktype from '../peers/arktype.js';
import * as typebox from '../peers/typebox.js';
import * as valibot from '../peers/valibot.js';
import * as zod from '../peers/zod.js';

/** One validator in the comparison. */
export interface Peer {
  /** Its name in tables: the package, and how it is used when that matters. */
  readonly name: string;
  /** The npm package it comes from, for its version. */
  readonly package: string;
  /** How it gets its checking code. */
  readonly how: string;
  /** The boolean check that is timed. */
  readonly is: (value: unknown) => boolean;
  /** The check that reports what is wrong, timed against the others on invalid input (diagnostics). */
  readonly validate?: ((value: unknown) => unknown) | undefined;
  /** What `validate` calls, for tables: `zod safeParse`. */
  readonly validateCall?: string;
  /** The module bundled for its size, exporting `is` (a path from the repository's root). */
  readonly module: string;
}

/** The package under test. */
export const self: Peer = {
  name: 'isRunStepObject',
  package: 'openai-run-step-guards',
  how: 'hand-written',
  is: pkg.isRunStepObject,
  validate: pkg.validateRunStepObject,
  validateCall: 'validateRunStepObject',
  module: 'dist/index.js',
};

/** The peers, in the order of the tables. */
export const peers: readonly Peer[] = [
  {
    name: 'typia',
    package: 'typia',
    how: 'generated ahead of time',
    is: typiaIs.is,
    validate: typiaValidate.validate,
    validateCall: 'typia validate',
    module: 'bench/.generated/typia/is.ts',
  },
  {
    name: 'TypeBox TypeCompiler',
    package: '@sinclair/typebox',
    how: 'compiled at run time',
    is: typebox.is,
    module: 'bench/peers/typebox.ts',
  },
  {
    name: 'ajv',
    package: 'ajv',
    how: "OpenAI's JSON Schema + the wire patches, compiled at run time",
    is: ajv.is,
    module: 'bench/peers/ajv.ts',
  },
  {
    name: 'zod',
    package: 'zod',
    how: 'schema objects; object shapes compiled at run time',
    is: zod.is,
    validate: zod.validate,
    validateCall: 'zod safeParse',
    module: 'bench/peers/zod.ts',
  },
  {
    name: 'valibot',
    package: 'valibot',
    how: 'schema objects, interpreted',
    is: valibot.is,
    validate: valibot.validate,
    validateCall: 'valibot safeParse',
    module: 'bench/peers/valibot.ts',
  },
  {
    name: 'arktype',
    package: 'arktype',
    how: 'compiled at run time',
    is: arktype.is,
    validate: arktype.validate,
    validateCall: 'arktype call',
    module: 'bench/peers/arktype.ts',
  },
];

/**
 * The installed version of an npm package: the package itself, a peer of bench/package.json, or ajv,
 * which the tests' reference validator makes a devDependency of the package.
 */
export function versionOf(name: string): string {
  const candidates =
    name === self.package
      ? [new URL('../../package.json', import.meta.url)]
      : [`../node_modules/${name}/package.json`, `../../node_modules/${name}/package.json`].map(
          (path) => new URL(path, import.meta.url),
        );
  const file = candidates.find((candidate) => existsSync(candidate))!;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
