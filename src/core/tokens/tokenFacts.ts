/** What a token's facts mean: days to expiry, whether it may delete, and how that reads. */
import type { TokenInfo } from '../../gitlab/models';
import { text, type Text } from '../../util/text';
import type { GitLabVersion } from '../instances/versionGates';

export interface TokenAssessment {
  /** Whole days until the token stops working (0 = expires today); undefined = no expiry known. */
  daysLeft?: number;
  expiresOn?: string;
  /** False when the scopes are known and none of them allows deleting. */
  canDelete?: boolean;
  scopes?: string[];
  name?: string;
}

/** PATs stop working at the start (UTC) of their `expires_at` date. */
export function assessToken(info: TokenInfo | undefined, now: Date): TokenAssessment {
  if (!info) return {};
  const expiresOn = info.expiresAt ?? undefined;
  const expiry = expiresOn ? Date.parse(`${expiresOn.slice(0, 10)}T00:00:00Z`) : NaN;
  const daysLeft = Number.isFinite(expiry) ? Math.max(0, Math.ceil((expiry - now.getTime()) / 86_400_000)) : undefined;
  return {
    daysLeft,
    expiresOn: expiresOn?.slice(0, 10),
    canDelete: info.scopes.length ? info.scopes.includes('api') : undefined,
    scopes: info.scopes,
    name: info.name,
  };
}

/** Within this many days of expiry a token is flagged and the user warned. */
export const EXPIRY_WARNING_DAYS = 14;

/** "expires today" / "expires tomorrow" / "expires in 5 days". */
export function expiryPhrase(daysLeft: number): Text {
  return daysLeft <= 0 ? text('expires today') : daysLeft === 1 ? text('expires tomorrow') : text('expires in {0} days', daysLeft);
}

/** The page where a new personal access token is made (GitLab 16 moved it from the profile to the user settings). */
export function tokenSettingsUrl(status: { instanceUrl: string; version?: GitLabVersion }): string {
  const old = status.version !== undefined && status.version.major < 16;
  return `${status.instanceUrl.replace(/\/+$/, '')}/-/${old ? 'profile' : 'user_settings'}/personal_access_tokens`;
}
