/**
 * Builds the https agent for one instance from `gitlabPackages.instances`: Node's public CAs
 * plus the instance's PEM bundle, and certificate checks off only when asked for. A bundle that
 * cannot be used is an error naming the setting and the path, never a silent fallback.
 */
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import * as tls from 'node:tls';
import type { Connections, TlsSettings } from '../../core/instances/clientPool';
import { CaFileError } from '../../gitlab/errors';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Undefined when the settings ask for nothing special: Node's (and VS Code's) default stack then applies. */
export async function buildTlsAgent(
  settings: TlsSettings,
  readFile: (file: string) => Promise<string> = (f) => fs.readFile(f, 'utf8'),
): Promise<https.Agent | undefined> {
  const allowUntrusted = settings.allowUntrustedCertificate === true;
  if (!settings.caFile && !allowUntrusted) return undefined;
  const extra = settings.caFile ? await readCaBundle(settings.caFile, readFile) : [];
  return new https.Agent({
    keepAlive: true,
    // Public CAs stay trusted: a bundle with only the company CA must not break gitlab.com-style chains.
    ...(extra.length ? { ca: [...tls.rootCertificates, ...extra] } : {}),
    rejectUnauthorized: !allowUntrusted,
  });
}

/** Connections with their own TLS settings are https agents here (see tlsFetch.ts for how they are used). */
export const nodeConnections: Connections = {
  open: (_origin, settings) => buildTlsAgent(settings),
  close: (connection) => (connection as https.Agent | undefined)?.destroy(),
};

/** The PEM certificates in `file`, each checked to parse. */
export async function readCaBundle(file: string, readFile: (file: string) => Promise<string>): Promise<string[]> {
  if (!path.isAbsolute(file)) throw new CaFileError({ file, problem: 'notAbsolute' });
  let text: string;
  try {
    text = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const problem = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'isFolder' : code === 'EACCES' || code === 'EPERM' ? 'noPermission' : 'unreadable';
    throw new CaFileError({ file, problem, code: code ?? String(e) });
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw new CaFileError({ file, problem: 'noPem' });
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new CaFileError({ file, problem: 'badPem', certificate: i + 1, of: blocks.length });
    }
  });
  return blocks;
}
