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
import { INSTANCES_SETTING } from '../../core/instanceSettings';

export interface TlsSettings {
  caFile?: string;
  allowUntrustedCertificate?: boolean;
}

/** The CA file named in the settings cannot be used; the message says why and where. */
export class CaFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaFileError';
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Undefined when the settings ask for nothing special: Node's (and VS Code's) default stack then applies. */
export async function buildTlsAgent(
  origin: string,
  settings: TlsSettings,
  readFile: (file: string) => Promise<string> = (f) => fs.readFile(f, 'utf8'),
): Promise<https.Agent | undefined> {
  const allowUntrusted = settings.allowUntrustedCertificate === true;
  if (!settings.caFile && !allowUntrusted) return undefined;
  const extra = settings.caFile ? await readCaBundle(origin, settings.caFile, readFile) : [];
  return new https.Agent({
    keepAlive: true,
    // Public CAs stay trusted: a bundle with only the company CA must not break gitlab.com-style chains.
    ...(extra.length ? { ca: [...tls.rootCertificates, ...extra] } : {}),
    rejectUnauthorized: !allowUntrusted,
  });
}

/** The PEM certificates in `file`, each checked to parse. */
export async function readCaBundle(origin: string, file: string, readFile: (file: string) => Promise<string>): Promise<string[]> {
  const where = `The caFile for ${origin} in ${INSTANCES_SETTING} ("${file}")`;
  if (!path.isAbsolute(file)) throw new CaFileError(`${where} must be an absolute path (or start with ~/).`);
  let text: string;
  try {
    text = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code ?? String(e)})`;
    throw new CaFileError(`${where} ${why}.`);
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    throw new CaFileError(
      `${where} holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). A DER file (.cer/.der) converts with: openssl x509 -inform der -in ca.cer -out ca.pem`,
    );
  }
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new CaFileError(`${where}: certificate ${i + 1} of ${blocks.length} is not a valid PEM certificate.`);
    }
  });
  return blocks;
}
