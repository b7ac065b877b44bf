// The bundles from the same sources: `main` for Node's extension host, `browser` for a web
// worker (vscode.dev, github.dev, code-server's web-worker host). `vscode` stays external (the host provides it).
import { fileURLToPath } from 'node:url';

const shared = (production) => ({
  bundle: true,
  format: 'cjs',
  external: ['vscode'],
  minify: production && !process.env.KEEP_NAMES,
  sourcemap: !production,
  sourcesContent: false,
  // Non-ASCII text (…, ·, ’ in the messages) as UTF-8, not \uXXXX escapes: smaller, and every host reads the files as UTF-8.
  charset: 'utf8',
  logLevel: 'info',
});

export const nodeOptions = (production) => ({
  ...shared(production),
  entryPoints: ['src/main.ts'],
  platform: 'node',
  target: 'node18',
  outfile: 'dist/extension.js',
  // node-fetch@2 prefers Node's own URL; its whatwg-url fallback (with tr46) would add ~300 KB.
  alias: { 'whatwg-url': fileURLToPath(new URL('./src/platform/node/whatwgUrlShim.js', import.meta.url)) },
});

/** One file, no Node built-ins: a `node:` import or a Node-only package fails the build here. */
export const webOptions = (production) => ({
  ...shared(production),
  entryPoints: ['src/browser.ts'],
  platform: 'browser',
  mainFields: ['browser', 'module', 'main'],
  target: 'es2022',
  outfile: 'dist/web/extension.js',
  define: { global: 'globalThis' },
});

/**
 * The lockfile feature's own web bundle (src/lockfiles.ts: the engine with its YAML and TOML
 * parsers, and the editor's lockfile checks): it would break the main web bundle's ceiling, so the
 * web host reads this file on first use (src/host/lockfileBundle.ts), handing it its own `vscode`
 * (external here too). On Node the feature is bundled into dist/extension.js.
 */
export const lockfileOptions = (production) => ({
  ...webOptions(production),
  entryPoints: ['src/lockfiles.ts'],
  outfile: 'dist/web/lockfiles.js',
});
