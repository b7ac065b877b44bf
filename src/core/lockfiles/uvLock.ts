/**
 * `uv.lock`: one `[[package]]` per resolved project with its `source` (`registry` = a simple
 * index, `url` = a direct archive; `git`, `path`, `directory`, `editable` and `virtual` are
 * counted as ignored) and the files it may install: `sdist = {url, hash}` and
 * `wheels = [{url, hash}]`, every one with the URL uv downloads it from.
 */
import { fromPrefixedHex } from './digest';
import { addProblem, type LockedFile, type ParsedLockfile } from './lockEntry';
import { pypiEntry } from './pypiName';
import { isTable, readTomlPackages, str, type Toml } from './tomlPackages';
import { lastUrlSegment, parseHttpUrl, withoutCredentials } from './urlParts';

export function parseUvLock(text: string): ParsedLockfile {
  const result: ParsedLockfile = { format: 'uv', entries: [], ignored: 0, problems: [] };
  const read = readTomlPackages(text, result);
  if (!read) return result;
  for (const { table, line } of read.packages) {
    const name = str(table, 'name');
    const version = str(table, 'version');
    const source = isTable(table.source) ? table.source : undefined;
    const registry = str(source, 'registry');
    const direct = str(source, 'url');
    if (!name || !source || (registry === undefined && direct === undefined)) {
      if (name) result.ignored++;
      else addProblem(result, { kind: 'entry', line });
      continue;
    }
    if (!version) {
      result.ignored++;
      continue;
    }
    const files: LockedFile[] = [];
    if (isTable(table.sdist)) pushFile(files, table.sdist);
    if (Array.isArray(table.wheels)) for (const w of table.wheels) if (isTable(w)) pushFile(files, w);
    // A local folder as the registry (find-links) is no index we can ask.
    const index = registry !== undefined && parseHttpUrl(registry) ? [withoutCredentials(registry)] : [];
    result.entries.push(pypiEntry(name, version, line, files, index, registry !== undefined && !index.length));
  }
  return result;
}

function pushFile(files: LockedFile[], t: Toml): void {
  const url = str(t, 'url');
  const hash = str(t, 'hash');
  const digest = hash ? fromPrefixedHex(hash) : undefined;
  const path = str(t, 'path') ?? str(t, 'filename');
  files.push({
    url: url ? withoutCredentials(url) : undefined,
    fileName: url ? lastUrlSegment(url) : path?.slice(path.lastIndexOf('/') + 1),
    digests: digest ? [digest] : [],
  });
}
