/**
 * Where the one delete flow looks at the token: `run` once per instance of its requests; a flow
 * begun ahead of its requests (a clean-up) once, at its beginning — a read-only token stops it
 * there, before anything is asked, and its run does not look again.
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

  it('begin looks once: a read-only token gives no flow; a begun flow does not ask again for its instance', async () => {
    const readOnly = flow({ [A]: false });
    assert.equal(await readOnly.f.begin(A), undefined);
    assert.deepEqual(readOnly.asked, [A]);

    const { f, asked, offered, dialog } = flow({ [A]: true, [B]: false });
    const session = await f.begin(A);
    assert.ok(session);
    const report = await session.run([deletion(A, 1), deletion(B, 2)], dialog);
    assert.deepEqual(asked, [A, B], 'A at the beginning only; B, not begun on, when its request comes');
    assert.deepEqual(
      report.readOnly.map((r) => r.deletion.packageId),
      [2],
    );
    assert.deepEqual(
      offered[0].map((r) => r.deletion.packageId),
      [1],
    );
  });
});
