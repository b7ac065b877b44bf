/** Which GitLab instance a token command is about: given (an origin, a URL or an instance row), the only one, or picked. */
import * as vscode from 'vscode';
import { instanceUrls } from '../../core/config';
import type { CommandDeps } from '../shared/deps';

export async function pickInstance(deps: CommandDeps, given: unknown, placeHolder: string): Promise<string | undefined> {
  const urls = instanceUrls(deps.config());
  // From an instance row's context menu the argument is the row itself.
  if (isInstanceNode(given)) return given.instanceUrl;
  if (typeof given === 'string' && given) return urls.find((u) => u === given || new URL(u).origin === given) ?? given;
  if (urls.length <= 1) return urls[0];
  const items = await Promise.all(
    urls.map(async (url) => ({
      label: new URL(url).host,
      description: url,
      detail: (await deps.tokens.has(new URL(url).origin)) ? vscode.l10n.t('token set') : vscode.l10n.t('no token'),
      url,
    })),
  );
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.url;
}

function isInstanceNode(v: unknown): v is { kind: 'instance'; instanceUrl: string } {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'instance';
}
