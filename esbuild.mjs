// Bundles the extension: dist/extension.js (Node) and dist/web/extension.js (web worker); see esbuild.config.mjs.
import * as esbuild from 'esbuild';
import { nodeOptions, webOptions } from './esbuild.config.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const builds = [nodeOptions(production), webOptions(production)];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
