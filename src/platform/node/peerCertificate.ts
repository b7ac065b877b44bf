/**
 * Reads a server's certificate by a handshake that does not check it (no request is made, no
 * token is sent), only to say in a TLS error when and for which names the certificate is.
 */
import * as tls from 'node:tls';
import { certificateNames, type PeerCertificate } from '../../gitlab/tlsFailure';

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
function isIp(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':');
}
