/**
 * The command wrapper: a failure is logged and shown as ONE short message with an action
 * ("Set Access Token…" on a 401, "Show Log" always), without waiting for the user to answer it;
 * a cancelled command shows nothing.
 */
import { strict as assert } from 'node:assert';
import type { FakeGitLab } from '../../../fake-gitlab/server';
import { harnessPerTest, SAMPLE, startFake, waitFor } from '../../../support/double/harness';
import { ExtensionMode } from '../../../support/double/vscode';

const FILES = /^\/api\/v4\/projects\/\d+\/packages\/\d+\/package_files$/;

describe('command errors', () => {
  const t = harnessPerTest();
  let second: FakeGitLab | undefined;
  afterEach(async () => {
    await second?.stop();
    second = undefined;
  });

  it('a 401 shows one error offering Set Access Token… and Show Log; Set Access Token… asks for the token of the instance that refused, without asking which instance', async () => {
    second = await startFake();
    const other = second;
    const h = await t.start({
      settings: { projects: ['acme/app', `${other.url}/acme/app`] },
      tokens: { [other.url]: SAMPLE.apiToken },
      extensionMode: ExtensionMode.Test,
    });
    const otherHost = new URL(other.url).host;
    const pkg = await h.find(otherHost, 'acme/app', { label: 'acme-tools', description: '0.4.0 ·' });
    other.fail({ method: 'GET', path: FILES }, { status: 401, body: { message: '401 Unauthorized' } });

    const run = h.run('gitlabPackages.copyChecksum', pkg.node);
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.equal(h.ui.messages.length, 1, `one message only: ${h.ui.messages.map((m) => m.text).join(' | ')}`);
    assert.match(error.text, /rejected the access token/);
    assert.deepEqual(error.buttons, ['Set Access Token…', 'Show Log']);
    assert.ok(h.ui.log.some((l) => l.level === 'error' && l.text.startsWith('gitlabPackages.copyChecksum failed') && l.text.includes('HTTP 401')));

    // GET /user is also how the tree learns whether the user is an administrator: count what the new token asked,
    // from a baseline taken once every load (and the administrator checks it asks) has landed.
    await h.settle();
    const asked = [h.requests('GET', '/api/v4/user', other).length, h.requests('GET', '/api/v4/user').length];
    h.ui.type(SAMPLE.apiToken);
    error.click('Set Access Token…');
    await waitFor(() => h.ui.inputBoxes.length === 1, 'the token input');
    assert.equal(h.ui.quickPicks.length, 0, 'no instance question first');
    assert.match(h.ui.inputBoxes[0].options.title ?? '', new RegExp(otherHost));
    await run;
    // Set Access Token… runs on its own (the failed command ended when it showed the error): it ends saying who signed in.
    await waitFor(() => h.ui.toasts.some((m) => m.text.startsWith(`Signed in to ${otherHost}`)), 'the sign-in message');
    assert.equal(h.storedToken(other.url), SAMPLE.apiToken);
    assert.equal(h.requests('GET', '/api/v4/user', other).length, asked[0] + 1);
    assert.equal(h.requests('GET', '/api/v4/user').length, asked[1], 'the other instance is not asked');
  });

  it('a server error (500) offers Show Log only, which opens the log', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'GET', path: FILES }, { status: 500 });
    const run = h.run('gitlabPackages.copyChecksum', pkg.node);
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.equal(h.ui.messages.length, 1);
    assert.deepEqual(error.buttons, ['Show Log']);
    assert.ok(h.ui.log.some((l) => l.level === 'error' && l.text.includes('HTTP 500')));
    error.click('Show Log');
    await run;
    assert.deepEqual(h.ui.logShown, ['GitLab Packages']);
    assert.deepEqual(h.ui.clipboardWrites, []);
  });

  it('a network failure offers Show Log only', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    // Reads are retried twice: fail all three attempts.
    h.fake.fail({ method: 'GET', path: FILES }, { kind: 'reset' }, 3);
    void h.run('gitlabPackages.copyChecksum', pkg.node);
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.equal(h.ui.messages.length, 1);
    assert.match(error.text, /connection|network/i);
    assert.deepEqual(error.buttons, ['Show Log']);
  });

  it('a cancelled command shows nothing', async () => {
    const h = await t.start({ settings: { projects: [] }, token: SAMPLE.apiToken });
    h.fake.fail({ method: 'GET', path: '/api/v4/projects/acme%2Fbig' }, { kind: 'hang' });
    h.ui.type('acme/big');
    const run = h.run('gitlabPackages.addProject');
    await waitFor(() => h.requests('GET', '/api/v4/projects/acme%2Fbig').length === 1, 'the lookup');
    const progress = h.ui.progress.find((p) => p.title === 'Looking up acme/big…');
    assert.ok(progress?.hasCancelButton, 'the lookup can be cancelled');
    assert.equal(h.ui.cancelProgress(), true);
    // The lookup never answers: only the cancellation can end the command.
    await run;
    assert.deepEqual(h.ui.messages, []);
    await waitFor(() => h.requests('GET', '/api/v4/projects/acme%2Fbig')[0].status === -1, 'the request to be aborted');
    assert.deepEqual(h.inspect('projects')?.globalValue, []);
  });

  // The wrapper must not await its error toast: a failed command's promise stayed pending until
  // the user clicked or closed the toast, and a command awaiting it hung too (issue 12).
  it('a failed command (Copy Checksum, files listing answers 500) settles without the error toast being touched', async () => {
    const h = await t.start({ settings: { projects: ['acme/app'] }, token: SAMPLE.apiToken });
    const pkg = await h.pkg('acme/app', 'acme-tools', '0.4.0');
    h.fake.fail({ method: 'GET', path: FILES }, { status: 500 });
    const run = h.run('gitlabPackages.copyChecksum', pkg.node);
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    // Were the toast awaited, `run` would stay pending until the user clicks or closes it.
    await run;
    assert.equal(error.state, 'open');
  });

  // The same through a command that runs another: Add Project → Set Access Token… → token refused.
  it('Add Project whose token check fails settles without the error toast being touched', async () => {
    const h = await t.start({ settings: { projects: [] } });
    h.ui.type('acme/app', 'not-a-valid-token').answer('Set Access Token…');
    const run = h.run('gitlabPackages.addProject');
    const error = await waitFor(() => h.ui.errors[0], 'the error message');
    assert.match(error.text, /rejected this token/);
    await run;
    assert.deepEqual(h.inspect('projects')?.globalValue, []);
  });
});
