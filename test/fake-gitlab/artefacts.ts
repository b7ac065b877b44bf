/**
 * Real package files, built byte for byte the same on every machine: an npm tarball (a gzipped
 * ustar archive under `package/`), a Python wheel (a zip with its `.dist-info`) and an sdist (a
 * gzipped tar with `PKG-INFO`). The real tools install them, so the hashes in the lockfiles the
 * fixture generator writes are the hashes of these bytes. Nothing is compressed (gzip and zip
 * "stored" blocks): deflate's output differs between zlib builds, stored blocks do not.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** npm pack's fixed mtime (1985-10-26T08:15:00Z): tarballs that do not change with the clock. */
const MTIME = 499162500;

export interface NpmManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** A tarball as `npm pack` lays it out: `package/package.json` and an entry point. */
export function npmTarball(
  manifest: NpmManifest,
  files: Record<string, string> = { 'index.js': `module.exports = ${JSON.stringify(manifest.name)};\n` },
): Buffer {
  const packageJson = JSON.stringify(
    { name: manifest.name, version: manifest.version, main: 'index.js', license: 'MIT', dependencies: manifest.dependencies },
    null,
    2,
  );
  return gzipStored(tar({ 'package/package.json': packageJson + '\n', ...prefixed('package/', files) }));
}

export interface PythonDist {
  /** The project name as written in METADATA (`lockco-core`). */
  name: string;
  version: string;
  requiresPython?: string;
  requiresDist?: string[];
}

/** The file-name form of a project name (PEP 427: runs of `-_.` become `_`). */
export function distName(name: string): string {
  return name.replace(/[-_.]+/g, '_').toLowerCase();
}

function metadata(d: PythonDist): string {
  const lines = ['Metadata-Version: 2.1', `Name: ${d.name}`, `Version: ${d.version}`, 'Summary: A package for the lockfile fixtures'];
  if (d.requiresPython) lines.push(`Requires-Python: ${d.requiresPython}`);
  for (const r of d.requiresDist ?? []) lines.push(`Requires-Dist: ${r}`);
  return lines.join('\n') + '\n\n';
}

/** A wheel (PEP 427) with one module and a RECORD whose hashes are right; `tag` e.g. `py3-none-any`. */
export function wheel(d: PythonDist, tag = 'py3-none-any'): { fileName: string; content: Buffer } {
  const base = `${distName(d.name)}-${d.version}`;
  const info = `${base}.dist-info`;
  const files: Record<string, string> = {
    [`${distName(d.name)}/__init__.py`]: `__version__ = ${JSON.stringify(d.version)}\n`,
    [`${info}/METADATA`]: metadata(d),
    [`${info}/WHEEL`]: `Wheel-Version: 1.0\nGenerator: gitlab-packages-fake\nRoot-Is-Purelib: true\nTag: ${tag}\n`,
  };
  const record = Object.entries(files).map(([path, text]) => `${path},sha256=${urlsafeSha256(Buffer.from(text))},${Buffer.byteLength(text)}`);
  files[`${info}/RECORD`] = [...record, `${info}/RECORD,,`].join('\n') + '\n';
  return { fileName: `${base}-${tag}.whl`, content: zipStored(files) };
}

/**
 * A source distribution: `PKG-INFO` and an in-tree build backend (PEP 517 `backend-path`) that
 * needs nothing installed and only writes the metadata, which is all a resolver asks of it (pip
 * reads it offline; the wheel is what gets installed).
 */
export function sdist(d: PythonDist): { fileName: string; content: Buffer } {
  const base = `${distName(d.name)}-${d.version}`;
  const info = JSON.stringify(`${base}.dist-info`);
  const pyproject = '[build-system]\nrequires = []\nbuild-backend = "metadata_backend"\nbackend-path = ["."]\n';
  const backend = [
    '"""Writes the metadata only: the fixtures install the wheel."""',
    'import os',
    '',
    `METADATA = ${JSON.stringify(metadata(d))}`,
    '',
    '',
    'def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):',
    `    os.makedirs(os.path.join(metadata_directory, ${info}))`,
    `    with open(os.path.join(metadata_directory, ${info}, "METADATA"), "w") as f:`,
    '        f.write(METADATA)',
    `    return ${info}`,
    '',
    '',
    'def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):',
    '    raise NotImplementedError("install the wheel")',
    '',
  ].join('\n');
  const files = { [`${base}/PKG-INFO`]: metadata(d), [`${base}/pyproject.toml`]: pyproject, [`${base}/metadata_backend.py`]: backend };
  return { fileName: `${base}.tar.gz`, content: gzipStored(tar(files)) };
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}

function urlsafeSha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** A POSIX ustar archive of regular files, in the order given. */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const h = Buffer.alloc(512);
    const put = (value: string, offset: number, length: number): void => void h.write(value, offset, length, 'ascii');
    const octal = (n: number, width: number): string => n.toString(8).padStart(width - 1, '0') + '\0';
    put(name, 0, 100);
    put(octal(0o644, 8), 100, 8);
    put(octal(0, 8), 108, 8);
    put(octal(0, 8), 116, 8);
    put(octal(data.length, 12), 124, 12);
    put(octal(MTIME, 12), 136, 12);
    put('        ', 148, 8);
    put('0', 156, 1);
    put('ustar\u000000', 257, 8);
    const sum = h.reduce((a, b) => a + b, 0);
    put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Deflate "stored" blocks (RFC 1951 §3.2.4): the data as it is, at most 65,535 bytes a block. */
function deflateStored(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at === 0 || at < data.length; at += 65535) {
    const chunk = data.subarray(at, at + 65535);
    const head = Buffer.alloc(5);
    head[0] = at + 65535 >= data.length ? 1 : 0;
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(head, chunk);
  }
  return Buffer.concat(parts);
}

/** A gzip member (RFC 1952) with no name, no time and "unknown" OS: the same bytes everywhere. */
function gzipStored(data: Buffer): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]), deflateStored(data), trailer]);
}

/** A zip archive of stored entries dated 1980-01-01 (the zip epoch). */
function zipStored(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
