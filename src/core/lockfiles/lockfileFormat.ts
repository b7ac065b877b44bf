/**
 * Which lockfile a file is, by its name alone: small and free of parser libraries, so the main
 * bundle can watch for lockfiles and leave the parsers to the lockfile bundle.
 */
import type { LockfileFormat } from './lockEntry';

/** Globs for a file watcher (`workspace.createFileSystemWatcher`), one per format's name. */
export const LOCKFILE_GLOB = '**/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,poetry.lock,uv.lock,requirements*.txt}';

/** The format of a file by its base name (any folder), or undefined when it is no lockfile we read. */
export function lockfileFormat(path: string): LockfileFormat | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  switch (base) {
    case 'package-lock.json':
      return 'package-lock';
    case 'npm-shrinkwrap.json':
      return 'npm-shrinkwrap';
    case 'yarn.lock':
      return 'yarn-v1';
    case 'pnpm-lock.yaml':
      return 'pnpm';
    case 'poetry.lock':
      return 'poetry';
    case 'uv.lock':
      return 'uv';
  }
  return base.startsWith('requirements') && base.endsWith('.txt') ? 'requirements' : undefined;
}
