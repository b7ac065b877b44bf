/**
 * Where the one delete flow looks at the token: `run` once per instance of its requests; a flow
 * begun ahead of its requests (a clean-up) at its beginning too — a read-only token stops it
 * there, before anything is asked — and its run looks again (the token may have been swapped).
 */
import { strict as assert } from 'node:assert';
import { DeleteFlow, type DeleteRequest } from '../../../../src/core/delete/deleteFlow';
import type { Deletion } from '../../../../src/core/delete/deletion';

const deletion = (instanceUrl: string, packageId: number): DeleteRequest => {
  const d: Deletion = { instanceUrl, origin: new URL(instanceUrl).origin, project: 1, packageId, allowed: true };
  return { deletion: d };
};
const A = 'https://a.example';
const B = 'https://b.example';

describe('the delete flow and the token', () => {
  function flow(mayDelete: Record<string, boolean>) {
    const asked: string[] = [];
    const f = new DeleteFlow({
      clientFor: () => assert.fail('nothing is sent: the confirmation is declined'),
      tokenMayDelete: (url) => (asked.push(url), Promise.resolve(mayDelete[url])),
      log: () => undefined,
    });
    const offered: DeleteRequest[][] = [];
    const dialog = {
      confirm: (targets: DeleteRequest[]) => (offered.push(targets), Promise.resolve(false)),
      progress: () => assert.fail('declined'),
    };
    return { f, asked, offered, dialog };
  }

  it('run asks once per instance and sets aside what a read-only token holds', async () => {
    const { f, asked, offered, dialog } = flow({ [A]: true, [B]: false });
    const report = await f.run([deletion(A, 1), deletion(A, 2), deletion(B, 3)], dialog);
    assert.deepEqual(asked, [A, B]);
    assert.deepEqual(
      report.readOnly.map((r) => r.deletion.packageId),
      [3],
    );
    assert.deepEqual(
      offered[0].map((r) => r.deletion.packageId),
      [1, 2],
    );
    assert.equal(report.declined, true);
  });

  it('begin looks first: a read-only token gives no flow; a begun flow asks again when it runs', async () => {
    const readOnly = flow({ [A]: false });
    assert.equal(await readOnly.f.begin(A), undefined);
    assert.deepEqual(readOnly.asked, [A]);

    const { f, asked, offered, dialog } = flow({ [A]: true, [B]: false });
    const session = await f.begin(A);
    assert.ok(session);
    const report = await session.run([deletion(A, 1), deletion(B, 2)], dialog);
    assert.deepEqual(asked, [A, A, B], 'A at the beginning and when run; B when its request comes');
    assert.deepEqual(
      report.readOnly.map((r) => r.deletion.packageId),
      [2],
    );
    assert.deepEqual(
      offered[0].map((r) => r.deletion.packageId),
      [1],
    );
  });

  it('a token that became read-only between begin and run: its requests are set aside, nothing is offered', async () => {
    const tokens = { [A]: true };
    const { f, offered, dialog } = flow(tokens);
    const session = await f.begin(A);
    assert.ok(session);
    tokens[A] = false;
    const report = await session.run([deletion(A, 1)], dialog);
    assert.deepEqual(
      report.readOnly.map((r) => r.deletion.packageId),
      [1],
    );
    assert.deepEqual(offered, []);
  });
});
