/**
 * The entry of the lockfile feature's own bundle (`dist/web/lockfiles.js`): its YAML and TOML
 * libraries alone are 54 KB minified, more than the web bundle's ceiling leaves, and only a
 * workspace with lockfiles needs any of it. A web worker extension host loads nothing but the
 * `browser` file (no importScripts, `require` gives only `vscode`), so the host reads this file
 * through `workspace.fs` from the extension's folder and evaluates it as VS Code evaluates the
 * entry itself (`new Function('module', 'exports', source)`); on Node it can be bundled in.
 * What the main bundle needs before that (which files are lockfiles) is in lockfileFormat.ts.
 */
export { parseLockfile } from './parseLockfile';
export { verifyEntries } from './verifyEntries';
export { fetchVersion, findVersion } from './versionLookup';
export { LookupCache } from './lookupCache';
export { planLookups, targetKey } from './lookupPlan';
export { instancesOf, routeEntry } from './registryRoute';
export { entryVerdict, uploadFacts } from './verdict';
export { verifyLockfiles } from './verifyLockfiles';
export { entryReasons, lockfileReport } from './lockfileReport';
export { checkByDownload, downloadCheckText } from './downloadCheck';
export { downloadRequest } from './downloadRequest';
export { withSha512 } from './pureDigests';
export { LockfileGuardCache } from './lockfileGuardCache';
