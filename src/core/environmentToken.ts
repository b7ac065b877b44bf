/**
 * GITLAB_PACKAGES_TOKEN (headless use, CI boxes, the demo): a token held in memory for one
 * instance and never written anywhere. Which origin it is for is decided here, once.
 */
import { parseInstanceUrl } from './projectRef';

export interface EnvironmentToken {
  origin: string;
  token: string;
}

export function environmentToken(env: Readonly<Record<string, string | undefined>> | undefined, instanceUrl: string): EnvironmentToken | undefined {
  const token = env?.GITLAB_PACKAGES_TOKEN?.trim();
  const instance = parseInstanceUrl(instanceUrl);
  return token && instance.ok ? { origin: instance.origin, token } : undefined;
}
