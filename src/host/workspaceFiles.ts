/**
 * Files through VS Code's file system (any scheme: local, remote, virtual), for hosts without
 * local file paths (a web worker) and for files not on this machine's disk.
 */
import * as vscode from 'vscode';
import type { ChecksumAlgorithm } from '../core/files/checksums';
import type { DownloadPlatform, FileSink, Hasher } from '../core/files/verifiedDownload';

/** Downloads held in memory and written only on commit, i.e. once verified: nothing unverified is ever written. */
export function workspaceDownloads(destination: vscode.Uri, createHasher: (algorithm: ChecksumAlgorithm) => Hasher): DownloadPlatform {
  return { createSink: () => Promise.resolve(memorySink(destination)), createHasher };
}

function memorySink(destination: vscode.Uri): FileSink {
  let chunks: Uint8Array[] = [];
  let size = 0;
  return {
    write: (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    },
    commit: async () => {
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      chunks = [];
      await vscode.workspace.fs.writeFile(destination, bytes);
    },
    discard: () => {
      chunks = [];
      return Promise.resolve();
    },
  };
}

/** Digest of a file read through workspace.fs (whole: it has no streaming read). */
export async function hashWorkspaceFile(uri: vscode.Uri, hasher: Hasher): Promise<string> {
  hasher.update(await vscode.workspace.fs.readFile(uri));
  return hasher.hex();
}

/** A file system VS Code can read `uri` through (a document of an output channel or an untitled editor has none). */
export function isReadableFile(uri: vscode.Uri): boolean {
  return vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== undefined;
}
