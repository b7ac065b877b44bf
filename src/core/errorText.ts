/**
 * The words for every failure, from the structured facts the errors carry: one place, so a
 * row, a toast and the log say the same thing (and the adapters translate it).
 */
import { NoDownloadRouteError } from '../gitlab/client';
import {
  BadResponseError,
  ForbiddenError,
  InsecureRequestError,
  isGitLabError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  TlsError,
  TokenReadError,
  UnauthorizedError,
  type ForbiddenReason,
  type GitLabError,
} from '../gitlab/errors';
import { text, verbatim, type Text } from '../util/text';
import { INSTANCES_SETTING } from './instances/instanceSettings';
import { ChecksumMismatchError } from './files/verifiedDownload';
import { ListCutShortError } from './lockfiles/versionLookup';
import { ALGORITHM_LABEL } from './files/checksums';
import { ADMIN_MODE_NEEDED } from './protection/protectionRules';
import { literalLinks } from '../util/literalText';
import { withThousands } from '../util/format';

const ALLOW_HTTP_SETTING = 'gitlabPackages.allowHttpFor';

/** What to tell a person about `e` (anything thrown). */
export function errorText(e: unknown): Text {
  if (isGitLabError(e)) return gitLabErrorText(e);
  if (e instanceof ChecksumMismatchError) {
    return text(
      '{0}: {1} does not match the registry (expected {2}, got {3}). The download was removed.',
      e.fileName,
      ALGORITHM_LABEL[e.expected.algorithm],
      e.expected.hex,
      e.actual,
    );
  }
  if (e instanceof ListCutShortError)
    return text(
      'The registry lists more than {0} packages of this name, and the locked version was not among them: it was not checked',
      withThousands(e.listed),
    );
  if (e instanceof NoDownloadRouteError) {
    return text('GitLab before 18.4 offers no API download for {0} package files; open the package in the browser to download it.', e.packageType);
  }
  // A message written above this layer (already in the user's language), or something unexpected.
  return verbatim(e instanceof Error ? e.message : String(e));
}

function withServer(t: Text, serverMessage: string | undefined): Text {
  // Shown in notifications too, which would make a server's `[label](command:…)` a link.
  return serverMessage ? text('{0}: {1}', t, literalLinks(serverMessage)) : t;
}

export function gitLabErrorText(e: GitLabError): Text {
  if (e instanceof UnauthorizedError)
    return e.noToken ? text('No access token is set for this GitLab instance.') : withServer(text('GitLab rejected the access token'), e.serverMessage);
  if (e instanceof ForbiddenError) return withServer(forbiddenText(e.reason), e.serverMessage);
  if (e instanceof RateLimitedError) {
    return e.retryAfterMs !== undefined
      ? text('GitLab is rate-limiting requests; retry in {0} s', Math.ceil(e.retryAfterMs / 1000))
      : text('GitLab is rate-limiting requests');
  }
  if (e instanceof NetworkError) return text('Cannot reach GitLab: {0}', networkText(e));
  if (e instanceof TimeoutError) return text('GitLab did not answer within {0} s', Math.round(e.timeoutMs / 1000));
  if (e instanceof BadResponseError) return text('Unexpected answer from GitLab: {0}', badResponseText(e));
  if (e instanceof InsecureRequestError) {
    return text(
      'Refusing to send the access token over plain http to {0}. Use https, or add {1} to the setting {2}.',
      new URL(e.origin).host,
      e.origin,
      ALLOW_HTTP_SETTING,
    );
  }
  if (e instanceof TlsError) return tlsText(e);
  if (e instanceof TokenReadError) return text("Could not read the access token from VS Code's secret storage: {0}", e.reason);
  switch (e.kind) {
    case 'notFound':
      return withServer(text('Not found'), e.serverMessage);
    case 'server':
      return e instanceof ServerError && e.retryAfterMs !== undefined
        ? withServer(text('GitLab answered with HTTP {0} and asks to retry in {1} s', e.status ?? 503, Math.ceil(e.retryAfterMs / 1000)), e.serverMessage)
        : withServer(text('GitLab answered with HTTP {0}', e.status ?? 500), e.serverMessage);
    case 'cancelled':
      return text('Request cancelled');
    default:
      return withServer(text('GitLab refused the request (HTTP {0})', e.status ?? 400), e.serverMessage);
  }
}

function forbiddenText(reason: ForbiddenReason): Text {
  switch (reason) {
    case 'protected':
      return text('The package is protected against deletion');
    case 'scope':
      return text('The access token lacks the scope this needs (deleting needs the "api" scope)');
    case 'role':
      return text('Access denied');
  }
}

function networkText(e: NetworkError): Text {
  switch (e.problem) {
    case 'dns':
      return text('the host name could not be resolved (DNS)');
    case 'refused':
      return text('the connection was refused');
    case 'reset':
      return text('the connection was reset');
    case 'closedEarly':
      return text('the connection was closed before the answer was complete');
    case 'timedOut':
      return text('the connection timed out');
    case 'unreachable':
      return text('the host is unreachable');
    case 'browserRefused':
      return browserRefusedText(e);
    case 'mixedContent':
      return text('the browser blocks plain-http requests from a page served over https (mixed content). Use the https address of the instance.');
    default:
      return e.code ? text('network error ({0})', e.code) : text('network error');
  }
}

/** A browser's "Failed to fetch": what it most likely was, by what the address allows. */
function browserRefusedText(e: NetworkError): Text {
  const origin = e.instanceUrl ? new URL(e.instanceUrl).origin : '';
  return origin.startsWith('https:')
    ? text(
        "the browser refused the request without saying why. Most likely it does not trust the server's certificate (open {0} in a browser tab to see; caFile and allowUntrustedCertificate do not apply in the browser), or the server (or a proxy in front of it) does not send GitLab's CORS headers, or it cannot be reached.",
        origin,
      )
    : text(
        "the browser refused the request without saying why. Most likely the server (or a proxy in front of it) does not send GitLab's CORS headers, or it cannot be reached.",
      );
}

function badResponseText(e: BadResponseError): Text {
  switch (e.problem) {
    case 'html':
      return text('an HTML page instead of data (a sign-in page or proxy in the way?)');
    case 'invalidJson':
      return text('the body is not valid JSON (cut off?)');
    case 'noBody':
      return text('the answer has no body to download');
    case 'redirectedDelete':
      return text('unexpected redirect of a request that changes something (DELETE, POST, PATCH)');
    case 'tooManyRedirects':
      return text('too many redirects');
    case 'hiddenRedirect':
      return text(
        'GitLab redirected the request (for a download: to object storage), and the browser does not let the extension see where to. Open it in the browser instead.',
      );
    default:
      return verbatim(e.detail ?? e.problem);
  }
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function tlsText(e: TlsError): Text {
  const f = e.facts;
  const host = e.host;
  const fix = text('Add your CA bundle as caFile for {0} in {1} (or, at your own risk, allowUntrustedCertificate).', f.origin, INSTANCES_SETTING);
  const caNote = f.customCa ? text(' The caFile set for it does not hold the issuing CA.') : verbatim('');
  switch (e.problem) {
    case 'selfSigned':
      return f.code === 'SELF_SIGNED_CERT_IN_CHAIN'
        ? text('The certificate of {0} is self-signed (its chain ends in a CA this computer does not trust).{1} {2}', host, caNote, fix)
        : text('The certificate of {0} is self-signed.{1} {2}', host, caNote, fix);
    case 'unknownIssuer':
      return text(
        'The certificate of {0} is issued by a certificate authority this computer does not trust (a company CA, or the server leaves out intermediate certificates).{1} {2}',
        host,
        caNote,
        fix,
      );
    case 'expired':
      return f.validTo
        ? text("The certificate of {0} expired on {1}. Ask the server's administrator to renew it.", host, day(f.validTo))
        : text("The certificate of {0} expired. Ask the server's administrator to renew it.", host);
    case 'notYetValid':
      return f.validFrom
        ? text("The certificate of {0} is not valid until {1}. Check this computer's clock, or ask the server's administrator.", host, day(f.validFrom))
        : text("The certificate of {0} is not valid yet. Check this computer's clock, or ask the server's administrator.", host);
    case 'hostname': {
      const hostname = new URL(f.origin).hostname;
      return f.certificateNames?.length
        ? text(
            'The certificate of {0} is for {1}, not {2}. The URL must use a host name the certificate covers (check gitlabPackages.instanceUrl or the project URL).',
            host,
            f.certificateNames.join(', '),
            hostname,
          )
        : text(
            'The certificate of {0} does not name {1}. The URL must use a host name the certificate covers (check gitlabPackages.instanceUrl or the project URL).',
            host,
            hostname,
          );
    }
    case 'notHttps':
      return text('{0} does not speak https on this port. Is the instance URL http:// (or a different port)?', host);
    case 'caFile':
      return caFileText(e);
    default:
      return text("The TLS connection to {0} failed ({1}). Ask the server's administrator.", host, f.code ?? 'unknown');
  }
}

function caFileText(e: TlsError): Text {
  const c = e.facts.caFile;
  if (!c) return text('The caFile for {0} in {1} cannot be used.', e.facts.origin, INSTANCES_SETTING);
  const where = text('The caFile for {0} in {1} ("{2}")', e.facts.origin, INSTANCES_SETTING, c.file);
  switch (c.problem) {
    case 'notAbsolute':
      return text('{0} must be an absolute path (or start with ~/).', where);
    case 'missing':
      return text('{0} does not exist.', where);
    case 'isFolder':
      return text('{0} is a folder, not a file.', where);
    case 'noPermission':
      return text('{0} cannot be read (permission denied).', where);
    case 'unreadable':
      return text('{0} cannot be read ({1}).', where, c.code ?? '?');
    case 'noPem':
      return text(
        '{0} holds no PEM certificate ("-----BEGIN CERTIFICATE-----"). A DER file (.cer/.der) converts with: openssl x509 -inform der -in ca.cer -out ca.pem',
        where,
      );
    case 'badPem':
      return text('{0}: certificate {1} of {2} is not a valid PEM certificate.', where, c.certificate ?? 1, c.of ?? 1);
  }
}

/** Why GitLab would not delete something, in plain words. */
export function deleteFailureText(error: GitLabError, projectPath: string, adminModeDecides = false): Text {
  if (error instanceof ForbiddenError) {
    const reason = error.reason;
    if (reason === 'protected' && adminModeDecides)
      return text('the package is protected by a protection rule ({0}): {1}', error.serverMessage ?? '403', ADMIN_MODE_NEEDED);
    if (reason === 'protected') return text('the package is protected by a protection rule ({0})', error.serverMessage ?? '403');
    if (reason === 'scope') return text('your token cannot delete: it needs the "api" scope');
    return text('you need at least the Maintainer role in {0} to delete packages', projectPath);
  }
  if (error.kind === 'unauthorized') return text('the access token was rejected');
  return gitLabErrorText(error);
}
