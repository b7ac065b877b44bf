/**
 * The entry of the lockfile bundle (`dist/web/lockfiles.js`): the engine (src/core/lockfiles/,
 * whose YAML and TOML libraries alone are 54 KB minified) and the editor feature built on it
 * (checks, diagnostics, hover, quick fixes, status bar). Only a workspace with lockfiles needs
 * any of it, and the main web bundle has a size ceiling. A web worker extension host loads
 * nothing but the `browser` file (no importScripts, `require` gives only `vscode`), so the host
 * reads this file through `workspace.fs` from the extension's folder and evaluates it as VS Code
 * evaluates the entry itself (src/host/lockfileBundle.ts), handing it the same `vscode`; on Node
 * main.ts bundles it in. Its shape as the main bundle sees it is host/lockfileModule.ts.
 */
export * from './core/lockfiles/index';
export { lockfileFeature } from './host/lockfileFeature';
