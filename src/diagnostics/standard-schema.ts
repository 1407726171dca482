/**
 * Standard Schema v1 (https://standardschema.dev), inlined as its authors invite, so that the package
 * keeps no dependencies. The names and shapes are the spec's, version 1.1.
 */

import type { ValidationIssue } from './issues.js';

/** The Standard Schema interface: anything with a `~standard` property of this shape. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** The types of Standard Schema v1. */
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates unknown input values. */
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }
  /** The result of `validate`. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  /** The result when validation succeeds. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined;
  }
  /** Options for `validate`. */
  export interface Options {
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  /** The result when validation fails. */
  export interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }
  /** An issue of a failed validation. */
  export interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  /** A path segment of an issue. */
  export interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }
  /** The types a schema infers. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }
  /** Infers the input type of a schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  /** Infers the output type of a schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * The package's schema objects: Standard Schema v1, with a `validate` that always answers synchronously
 * and issues that are {@link ValidationIssue}s (path, expected, received, message).
 */
export interface RunStepSchema<Output> extends StandardSchemaV1<unknown, Output> {
  /** The Standard Schema properties; vendor `"openai-run-step-guards"`. */
  readonly '~standard': RunStepSchemaProps<Output>;
}

/** The `~standard` properties of a {@link RunStepSchema}: `validate` is synchronous. */
export interface RunStepSchemaProps<Output> extends StandardSchemaV1.Props<unknown, Output> {
  /** Validates any value, synchronously; `libraryOptions.maxIssues` caps the issues. */
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1.Options | undefined,
  ) => StandardSchemaV1.SuccessResult<Output> | { readonly issues: readonly ValidationIssue[] };
}
