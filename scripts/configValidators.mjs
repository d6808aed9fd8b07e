// The validators of `.regtext/config.json` and of the data files it names, compiled from the JSON schemas at build
// time (ajv's standalone code) instead of at every start: compiling the schemas took half a second of each run of
// `regtext check`. esbuild.mjs serves this code as the module `regtext:config-validators`
// (declared in server/src/config/configValidators.d.ts).
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONFIG_VALIDATORS = 'regtext:config-validators';

const SCHEMAS = ['agencies', 'banned-terms', 'issuer-codes', 'notices', 'config'];

/** CommonJS source exporting validateConfig and validateDataFile. */
export function configValidatorsSource(root) {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false, code: { source: true } });
  for (const name of SCHEMAS) {
    const file = `${name}.schema.json`;
    ajv.addSchema(JSON.parse(readFileSync(join(root, 'server/src/knowledge/schema', file), 'utf8')), file);
  }
  return standaloneCode.default(ajv, { validateConfig: 'config.schema.json', validateDataFile: 'config.schema.json#/$defs/dataFile' });
}

/** An esbuild plugin that resolves `regtext:config-validators` to that source. */
export function configValidatorsPlugin(root) {
  return {
    name: 'config-validators',
    setup(build) {
      build.onResolve({ filter: /^regtext:config-validators$/ }, (args) => ({ path: args.path, namespace: 'config-validators' }));
      build.onLoad({ filter: /.*/, namespace: 'config-validators' }, () => ({
        contents: configValidatorsSource(root),
        loader: 'js',
        resolveDir: root,
        watchFiles: SCHEMAS.map((name) => join(root, 'server/src/knowledge/schema', `${name}.schema.json`)),
      }));
    },
  };
}
