// Bundles the extension: dist/extension.js (Node), dist/web/extension.js (web worker) and the web
// worker's lockfile bundle dist/web/lockfiles.js; see esbuild.config.mjs.
// `--watch` rebuilds both on every change and reports each round in the lines that the problem
// matcher in .vscode/tasks.json reads: `esbuild: build started`, one `file:line:col: error: text`
// per problem, `esbuild: build finished …`.
import * as esbuild from 'esbuild';
import { lockfileOptions, nodeOptions, webOptions } from './esbuild.config.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const builds = [nodeOptions(production), webOptions(production), lockfileOptions(production)];

if (watch) {
  const report = roundReport();
  const contexts = await Promise.all(
    builds.map((options) => esbuild.context({ ...options, logLevel: 'silent', plugins: [...(options.plugins ?? []), report] })),
  );
  // Both at once, so the first round covers both bundles.
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

/**
 * One report for both bundles: a round starts when the first of them starts and ends when the
 * last one ends, and a problem both bundles hit (most are in shared code) is printed once.
 */
function roundReport() {
  let running = 0;
  let startedAt = 0;
  let seen = new Set();
  let errors = 0;
  const print = (severity) => (message) => {
    const line = problemLine(severity, message);
    if (seen.has(line)) return;
    seen.add(line);
    if (severity === 'error') errors++;
    console.log(line);
  };
  return {
    name: 'round-report',
    setup(build) {
      build.onStart(() => {
        if (running++ > 0) return;
        startedAt = Date.now();
        seen = new Set();
        errors = 0;
        console.log('esbuild: build started');
      });
      build.onEnd((result) => {
        result.errors.forEach(print('error'));
        result.warnings.forEach(print('warning'));
        if (--running > 0) return;
        console.log(`esbuild: build finished in ${Date.now() - startedAt} ms, ${errors} error${errors === 1 ? '' : 's'}`);
      });
    },
  };
}

/** `src/a.ts:3:7: error: text`, the compiler format terminals and editors link; esbuild's columns are 0-based. */
function problemLine(severity, { text, location }) {
  return location ? `${location.file}:${location.line}:${location.column + 1}: ${severity}: ${text}` : `esbuild: ${severity}: ${text}`;
}
