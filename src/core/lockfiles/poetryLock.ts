/**
 * `poetry.lock`: one `[[package]]` per project with `files = [{file, hash}]` (lock-version 2;
 * lock-version 1 kept them in `[metadata.files]` by name) and, when not from PyPI, a
 * `[package.source]`: `legacy` is a simple index (the files come from it), `url` a direct
 * archive; `git`, `file` and `directory` sources are counted as ignored.
 */
import { fromPrefixedHex } from './digest';
import { addProblem, type LockedFile, type ParsedLockfile } from './lockEntry';
import { pypiEntry } from './pypiName';
import { isTable, readTomlPackages, str } from './tomlPackages';
import { lastUrlSegment, withoutCredentials } from './urlParts';

export function parsePoetryLock(text: string): ParsedLockfile {
  const result: ParsedLockfile = { format: 'poetry', entries: [], ignored: 0, problems: [] };
  const read = readTomlPackages(text, result);
  if (!read) return result;
  const metadata = isTable(read.doc.metadata) ? read.doc.metadata : undefined;
  const legacyFiles = isTable(metadata?.files) ? metadata.files : undefined;
  for (const { table, line } of read.packages) {
    const name = str(table, 'name');
    const version = str(table, 'version');
    if (!name || !version) {
      addProblem(result, { kind: 'entry', line, detail: name });
      continue;
    }
    const source = isTable(table.source) ? table.source : undefined;
    const type = str(source, 'type');
    const sourceUrl = str(source, 'url');
    if (type !== undefined && type !== 'legacy' && type !== 'url') {
      result.ignored++;
      continue;
    }
    const listed = Array.isArray(table.files) ? table.files : legacyFiles ? legacyFiles[name] : undefined;
    const files = lockedFiles(listed);
    if (type === 'url' && sourceUrl) {
      // A direct archive: its URL is the one file (poetry lists it under `files` by name).
      const fileName = lastUrlSegment(sourceUrl);
      const listedHere = files.find((f) => f.fileName === fileName);
      files.splice(0, files.length, { url: withoutCredentials(sourceUrl), fileName, digests: listedHere?.digests ?? [] });
    }
    const index = type === 'legacy' && sourceUrl ? [withoutCredentials(sourceUrl)] : [];
    // No source: PyPI, or a source poetry was configured with but did not record.
    result.entries.push(pypiEntry(name, version, line, files, index, type === undefined));
  }
  return result;
}

function lockedFiles(listed: unknown): LockedFile[] {
  if (!Array.isArray(listed)) return [];
  const out: LockedFile[] = [];
  for (const item of listed) {
    if (!isTable(item)) continue;
    const fileName = str(item, 'file');
    const hash = str(item, 'hash');
    const digest = hash ? fromPrefixedHex(hash) : undefined;
    if (fileName) out.push({ fileName, digests: digest ? [digest] : [] });
  }
  return out;
}
