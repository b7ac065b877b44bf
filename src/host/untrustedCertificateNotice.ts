/**
 * Says loudly that certificate checks are off for an instance (allowUntrustedCertificate):
 * in the log each time its connection is set up, and once per window as a warning. In the
 * browser, where no TLS setting applies, says that instead, once per origin.
 */
import * as vscode from 'vscode';
import { INSTANCES_SETTING } from '../core/instances/instanceSettings';
import type { Log } from './log';

export class UntrustedCertificateNotice {
  private readonly shown = new Set<string>();
  private readonly notApplicable = new Set<string>();

  constructor(private readonly log: Log) {}

  untrusted(origin: string): void {
    const host = new URL(origin).host;
    const text = vscode.l10n.t('Certificate checks are off for {0} ({1}). Anyone on the network path can read your token.', host, INSTANCES_SETTING);
    this.log.warn(text);
    if (this.shown.has(origin)) return;
    this.shown.add(origin);
    this.warn(text);
  }

  /** caFile / allowUntrustedCertificate are set for `origin`, but this host (a browser) cannot apply them. */
  ignoredInBrowser(origin: string): void {
    if (this.notApplicable.has(origin)) return;
    this.notApplicable.add(origin);
    const text = vscode.l10n.t(
      'caFile and allowUntrustedCertificate for {0} ({1}) do not apply in the browser: the browser decides which certificates it trusts.',
      new URL(origin).host,
      INSTANCES_SETTING,
    );
    this.log.warn(text);
    this.warn(text);
  }

  private warn(text: string): void {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window.showWarningMessage(text, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', INSTANCES_SETTING);
    });
  }
}
