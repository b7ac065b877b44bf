import { strict as assert } from 'node:assert';
import { until } from '../../e2e/until';

describe('until (the end-to-end suite’s wait)', () => {
  it('returns the first truthy value, after falsy values and thrown errors', async () => {
    let calls = 0;
    const value = await until(
      () => {
        calls++;
        if (calls === 1) throw new Error('not rendered yet');
        return calls >= 3 ? `row ${calls}` : undefined;
      },
      { intervalMs: 1 },
    );
    assert.equal(value, 'row 3');
    assert.equal(calls, 3);
  });

  it('waits for async conditions', async () => {
    const started = Date.now();
    assert.equal(await until(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(Date.now() - started >= 30), 5))), true);
  });

  it('on timeout names what was awaited and the last value seen', async () => {
    await assert.rejects(
      until(() => false, { timeoutMs: 30, intervalMs: 5, what: 'row "c"' }),
      /Timed out after 30 ms \(\d+ attempts\) waiting for row "c"; last value: false/,
    );
    let n = 0;
    await assert.rejects(
      // Time enough for the third attempt on a busy machine: the last one is what is named.
      until(() => (n++ < 2 ? 0 : Promise.reject(new Error('No tree row "c". Visible: a | b'))), { timeoutMs: 1_000, intervalMs: 5 }),
      /waiting for a condition; last error: No tree row "c"\. Visible: a \| b/,
    );
  });

  it('lets an attempt running at the deadline finish, and cuts off one that hangs', async function () {
    this.timeout(5_000);
    let calls = 0;
    // The second attempt starts before the deadline and answers after it: still counted.
    assert.equal(
      await until(() => new Promise<number>((resolve) => setTimeout(() => resolve(++calls === 2 ? 2 : 0), 30)), { timeoutMs: 40, intervalMs: 1 }),
      2,
    );
    const started = Date.now();
    await assert.rejects(
      until(() => new Promise<boolean>(() => undefined), { timeoutMs: 40, what: 'a hung call' }),
      /waiting for a hung call; .*did not finish within 1000 ms after the deadline/,
    );
    assert.ok(Date.now() - started < 2_000);
  });
});
