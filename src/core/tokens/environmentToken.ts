/**
 * GITLAB_PACKAGES_TOKEN (headless use, CI boxes, the demo): a token held in memory for one
 * origin and never written anywhere. That origin is one the workspace cannot choose: the one in
 * GITLAB_PACKAGES_URL, else the user-level `gitlabPackages.instanceUrl`, else gitlab.com — never
 * an instance that a repository's `.vscode/settings.json` names.
 */
import { parseInstanceUrl } from '../projects/projectRef';

export interface EnvironmentToken {
  origin: string;
  token: string;
  /** Where the origin came from, for the log (which says the origin only, never the token). */
  from: 'GITLAB_PACKAGES_URL' | 'user settings' | 'default';
}

export const DEFAULT_INSTANCE = 'https://gitlab.com';

export function environmentToken(
  env: Readonly<Record<string, string | undefined>> | undefined,
  userInstanceUrl: string | undefined,
): EnvironmentToken | undefined {
  const token = env?.GITLAB_PACKAGES_TOKEN?.trim();
  if (!token) return undefined;
  const fromEnv = env?.GITLAB_PACKAGES_URL?.trim();
  // A bad GITLAB_PACKAGES_URL sends the token nowhere rather than somewhere else.
  if (fromEnv) return originOf(fromEnv, token, 'GITLAB_PACKAGES_URL');
  if (userInstanceUrl && userInstanceUrl !== DEFAULT_INSTANCE) return originOf(userInstanceUrl, token, 'user settings');
  return originOf(DEFAULT_INSTANCE, token, 'default');
}

function originOf(url: string, token: string, from: EnvironmentToken['from']): EnvironmentToken | undefined {
  const parsed = parseInstanceUrl(url);
  return parsed.ok ? { origin: parsed.origin, token, from } : undefined;
}
