/**
 * The lockfile engine: what the commands and the editor feature use of lockfile verification
 * (parsers, registry routes and lookups, verdicts, the report, the guard). It is in the lockfile
 * bundle (entry src/lockfiles.ts), which the web worker loads on first use; what the main bundle
 * needs before that (which files are lockfiles) is in lockfileFormat.ts, outside this index.
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
