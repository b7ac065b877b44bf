/** A read that hangs under a progress notification, and the user's Cancel. */
import { strict as assert } from 'node:assert';
import { waitFor, type Harness } from './double/harness';

/**
 * Runs `command` on acme-tools 0.4.0 while GitLab never answers `hangOn`, clicks Cancel on the
 * progress titled `title`, and checks the command ends, the request is aborted, and nothing is
 * copied, shown or reported as an error. Window-bar progress has no Cancel button in VS Code
 * (only Notification progress does), so a read shown there could not be stopped by the user.
 */
export async function cancelWhileHanging(h: Harness, command: string, hangOn: RegExp, title: string): Promise<void> {
  const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
  h.fake.fail({ method: 'GET', path: hangOn }, { kind: 'hang' });
  const run = h.run(command, pkg.node);
  await waitFor(() => h.requests('GET', hangOn).length > 0 && h.ui.progress.some((p) => p.title === title && p.state === 'running'), 'the hanging read');
  const clicked = h.ui.cancelProgress();
  const where = h.ui.progress.find((p) => p.title === title);
  assert.ok(clicked, `"${title}" offers no Cancel button (location ${JSON.stringify(where?.location)}, cancellable ${where?.cancellable})`);
  // The request never answers: only the cancellation can end the command.
  await run;
  await waitFor(() => h.requests('GET', hangOn).every((r) => r.status === -1), 'the request to be aborted');
  assert.deepEqual(h.ui.clipboardWrites, []);
  assert.deepEqual(h.ui.documentsShown, []);
  assert.deepEqual(h.ui.errors, [], 'a cancellation is not an error');
}
