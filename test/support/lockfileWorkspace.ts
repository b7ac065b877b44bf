/** A workspace folder for a describe block (made before each test, removed after) holding fixture lockfiles that point at a fake GitLab. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const LOCKFILE_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'lockfiles');
/** The GitLab the fixtures were written against (test/fixtures/lockfiles/generate.ts). */
const FIXTURE_ORIGIN = 'https://gitlab.example.com';

export interface LockfileWorkspace {
  readonly folder: string;
  /** A fixture lockfile at `to` in the folder, its GitLab URLs pointing at `origin`; returns its text. */
  place(fixture: string, to: string, origin: string): string;
  /** The 1-based line of the first line of `text` holding `needle`. */
  lineOf(text: string, needle: string): number;
}

export function useLockfileWorkspace(): LockfileWorkspace {
  let folder: string | undefined;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), 'lockfile-workspace-'))));
  afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));
  const dir = (): string => {
    if (!folder) throw new Error('no workspace folder outside a test');
    return folder;
  };
  return {
    get folder() {
      return dir();
    },
    place(fixture, to, origin) {
      const text = readFileSync(path.join(LOCKFILE_FIXTURES, fixture), 'utf8').split(FIXTURE_ORIGIN).join(origin);
      mkdirSync(path.dirname(path.join(dir(), to)), { recursive: true });
      writeFileSync(path.join(dir(), to), text);
      return text;
    },
    lineOf: (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1,
  };
}
