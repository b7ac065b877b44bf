// Bundles the extension into one CommonJS file. `vscode` stays external (the host provides it).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  // node-fetch@2 prefers Node's own URL; its whatwg-url fallback (with tr46) would add ~300 KB.
  alias: { 'whatwg-url': fileURLToPath(new URL('./src/platform/node/whatwgUrlShim.js', import.meta.url)) },
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
