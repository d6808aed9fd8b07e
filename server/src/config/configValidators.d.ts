/** The configuration's validators, compiled from the JSON schemas when the bundle is built (scripts/configValidators.mjs). */
declare module 'regtext:config-validators' {
  import type { ValidateFunction } from 'ajv';

  export const validateConfig: ValidateFunction;
  export const validateDataFile: ValidateFunction;
}
