/**
 * Turns Node's certificate errors (as node-fetch passes them on: `code`/`errno`, or a `cause`)
 * into a TlsError that says what happened in plain words and which setting fixes it.
 */
import * as tls from 'node:tls';
import { TlsError, type TlsProblem } from './errors';
import { INSTANCES_SETTING } from '../core/instanceSettings';

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
  const u = new URL(ctx.url);
  const host = u.host;
  const fix = `Add your CA bundle as caFile for ${u.origin} in ${INSTANCES_SETTING} (or, at your own risk, allowUntrustedCertificate).`;
  const caNote = ctx.customCa ? ' The caFile set for it does not hold the issuing CA.' : '';
  switch (problem) {
    case 'selfSigned':
      return new TlsError(
        ctx.path,
        problem,
        host,
        `The certificate of ${host} is self-signed${code === 'SELF_SIGNED_CERT_IN_CHAIN' ? ' (its chain ends in a CA this computer does not trust)' : ''}.${caNote} ${fix}`,
        code,
      );
    case 'unknownIssuer':
      return new TlsError(
        ctx.path,
        problem,
        host,
        `The certificate of ${host} is issued by a certificate authority this computer does not trust (a company CA, or the server leaves out intermediate certificates).${caNote} ${fix}`,
        code,
      );
    case 'expired': {
      const cert = await ctx.peerCertificate?.(ctx.url).catch(() => undefined);
      const when = cert ? ` on ${day(cert.validTo)}` : '';
      return new TlsError(ctx.path, problem, host, `The certificate of ${host} expired${when}. Ask the server's administrator to renew it.`, code);
    }
    case 'notYetValid': {
      const cert = await ctx.peerCertificate?.(ctx.url).catch(() => undefined);
      const when = cert ? ` until ${day(cert.validFrom)}` : ' yet';
      return new TlsError(
        ctx.path,
        problem,
        host,
        `The certificate of ${host} is not valid${when}. Check this computer's clock, or ask the server's administrator.`,
        code,
      );
    }
    case 'hostname': {
      // Node's message lists only names of the kind asked for (IPs for an IP): ask the server for all.
      const cert = await ctx.peerCertificate?.(ctx.url).catch(() => undefined);
      const names = cert?.names.length ? cert.names : certificateNames(message);
      const forNames = names.length ? ` is for ${names.join(', ')}, not ${u.hostname}` : ` does not name ${u.hostname}`;
      return new TlsError(
        ctx.path,
        problem,
        host,
        `The certificate of ${host}${forNames}. The URL must use a host name the certificate covers (check gitlabPackages.instanceUrl or the project URL).`,
        code,
      );
    }
    case 'notHttps':
      return new TlsError(ctx.path, problem, host, `${host} does not speak https on this port. Is the instance URL http:// (or a different port)?`, code);
    default:
      return new TlsError(ctx.path, problem, host, `The TLS connection to ${host} failed (${code}). Ask the server's administrator.`, code);
  }
}

/**
 * The server certificate at `url`, read by a handshake that does not check it (no request,
 * no token is sent). Used only to word the message about a certificate that failed.
 */
export function readPeerCertificate(url: string, timeoutMs = 3000): Promise<PeerCertificate | undefined> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: Number(u.port || 443),
      servername: isIp(u.hostname) ? undefined : u.hostname,
      rejectUnauthorized: false,
    });
    const done = (cert: PeerCertificate | undefined): void => {
      socket.destroy();
      resolve(cert);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once('error', () => done(undefined));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const validFrom = new Date(cert.valid_from);
      const validTo = new Date(cert.valid_to);
      const names = cert.subjectaltname
        ? certificateNames(` is not in the cert's altnames: ${cert.subjectaltname}`)
        : cert.subject?.CN
          ? [String(cert.subject.CN)]
          : [];
      done(Number.isNaN(validFrom.getTime()) || Number.isNaN(validTo.getTime()) ? undefined : { validFrom, validTo, names });
    });
  });
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
function certificateNames(message: string | undefined): string[] {
  const parts = (message ?? '').split(/is not (?:in the )?cert's (?:altnames|list|CN):/);
  if (parts.length < 2) return [];
  return parts[parts.length - 1]
    .split(',')
    .map((n) => n.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function isIp(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':');
}
