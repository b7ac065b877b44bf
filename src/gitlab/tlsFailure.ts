/**
 * Turns certificate errors (as node-fetch passes them on: `code`/`errno`, or a `cause`) into a
 * TlsError that carries what failed and the certificate's dates and names when they can be read.
 */
import { TlsError, type TlsProblem } from './errors';

const PROBLEMS: Record<string, TlsProblem> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'selfSigned',
  SELF_SIGNED_CERT_IN_CHAIN: 'selfSigned',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknownIssuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknownIssuer',
  UNABLE_TO_GET_ISSUER_CERT: 'unknownIssuer',
  CERT_UNTRUSTED: 'unknownIssuer',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'notYetValid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  HOSTNAME_MISMATCH: 'hostname',
  ERR_SSL_WRONG_VERSION_NUMBER: 'notHttps',
  CERT_REVOKED: 'other',
  CERT_SIGNATURE_FAILURE: 'other',
  CERT_REJECTED: 'other',
  INVALID_CA: 'other',
  ERR_TLS_CERT_SIGNATURE_ALGORITHM_UNSUPPORTED: 'other',
};

interface Failure {
  code?: string;
  errno?: string;
  message?: string;
  cause?: Failure;
}

export interface TlsContext {
  path: string;
  /** The URL that failed (an instance URL, or where it redirected). */
  url: string;
  /** A CA bundle from the settings was in use. */
  customCa: boolean;
  /** Reads the server's certificate for dates and names; undefined when it cannot be had. */
  peerCertificate?: (url: string) => Promise<PeerCertificate | undefined>;
}

export interface PeerCertificate {
  validFrom: Date;
  validTo: Date;
  /** Host names and IP addresses it is for (subject alternative names, else the CN). */
  names: string[];
}

/** A TlsError for a TLS failure, or undefined when `e` is something else. */
export async function tlsErrorFor(e: unknown, ctx: TlsContext): Promise<TlsError | undefined> {
  const { code, message } = failureOf(e);
  const problem = code ? PROBLEMS[code] : undefined;
  if (!problem || !code) return undefined;
  const origin = new URL(ctx.url).origin;
  // Dates and names say when and for whom the certificate is; only these problems need them.
  const wantsCertificate = problem === 'expired' || problem === 'notYetValid' || problem === 'hostname';
  const cert = wantsCertificate ? await ctx.peerCertificate?.(ctx.url).catch(() => undefined) : undefined;
  // Node's message lists only names of the kind asked for (IPs for an IP): the certificate has all.
  const names = problem === 'hostname' ? (cert?.names.length ? cert.names : certificateNames(message)) : undefined;
  return new TlsError(ctx.path, problem, { origin, code, customCa: ctx.customCa, validFrom: cert?.validFrom, validTo: cert?.validTo, certificateNames: names });
}

function failureOf(e: unknown): { code?: string; message?: string } {
  const err = e as Failure | undefined;
  for (const f of [err, err?.cause]) {
    const code = f?.code ?? f?.errno;
    if (code && PROBLEMS[code]) return { code, message: f?.message };
  }
  // Older OpenSSL builds report a plain http answer as EPROTO with this text.
  if (/wrong version number/i.test(err?.message ?? '')) return { code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: err?.message };
  return {};
}

/** ["a.example", "10.0.0.1"] out of Node's "Host: b. is not in the cert's altnames: DNS:a.example, IP Address:10.0.0.1". */
export function certificateNames(message: string | undefined): string[] {
  const parts = (message ?? '').split(/is not (?:in the )?cert's (?:altnames|list|CN):/);
  if (parts.length < 2) return [];
  return parts[parts.length - 1]
    .split(',')
    .map((n) => n.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}
