/** Reads a lockfile's text with the parser for its format; a file past the size limit is refused unread. */
import { MAX_LOCKFILE_CHARS, type LockfileFormat, type ParsedLockfile } from './lockEntry';
import { parseNpmLock } from './npmLock';
import { parsePnpmLock } from './pnpmLock';
import { parsePoetryLock } from './poetryLock';
import { parseRequirements } from './requirementsTxt';
import { parseUvLock } from './uvLock';
import { parseYarnLock } from './yarnLock';

export function parseLockfile(format: LockfileFormat, text: string, maxChars = MAX_LOCKFILE_CHARS): ParsedLockfile {
  if (text.length > maxChars) return { format, entries: [], ignored: 0, problems: [{ kind: 'too-large', detail: String(text.length) }] };
  // A byte order mark is not part of the first key.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'package-lock':
    case 'npm-shrinkwrap':
      return parseNpmLock(body, format);
    case 'yarn-v1':
      return parseYarnLock(body);
    case 'pnpm':
      return parsePnpmLock(body);
    case 'requirements':
      return parseRequirements(body);
    case 'poetry':
      return parsePoetryLock(body);
    case 'uv':
      return parseUvLock(body);
  }
}
