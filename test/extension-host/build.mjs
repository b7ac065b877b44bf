// Bundles the extension-host suite (mocha included) into out/extension-host/index.js.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/extension-host/index.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  outfile: 'out/extension-host/index.js',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
