/** Which GitLab version brought which feature, and how a version string is read. */
import { strict as assert } from 'node:assert';
import { parseGitLabVersion, supports, unsupportedMessage } from '../../../../src/core/instances/versionGates';
import { word } from '../../../../src/util/text';

describe('GitLab versions and features', () => {
  it('parses the version strings servers send', () => {
    const table: [string, [number, number, number] | undefined][] = [
      ['18.1.1-ee', [18, 1, 1]],
      ['15.2-pre', [15, 2, 0]],
      ['11.9.0', [11, 9, 0]],
      ['v16.11.10-ee', [16, 11, 10]],
      ['nonsense', undefined],
    ];
    for (const [text, expected] of table) {
      const v = parseGitLabVersion(text);
      assert.deepEqual(v ? [v.major, v.minor, v.patch] : undefined, expected, text);
    }
  });

  it('gates each feature by the version that brought it, and trusts an unknown version', () => {
    const v = (t: string) => parseGitLabVersion(t);
    assert.equal(supports(v('12.4.9'), 'groupPackages'), false);
    assert.equal(supports(v('12.5.0'), 'groupPackages'), true);
    assert.equal(supports(v('13.11.0'), 'deletePackageFile'), false);
    assert.equal(supports(v('13.12.0'), 'deletePackageFile'), true);
    assert.equal(supports(v('9.0.0'), 'tokenInfo'), false);
    assert.equal(supports(undefined, 'tokenInfo'), true);
    assert.equal(
      word(unsupportedMessage(v('12.10.3'), 'deletePackageFile', 'git.example.com')!),
      'Deleting a single package file needs GitLab 13.12 or later; git.example.com runs 12.10.3.',
    );
    assert.equal(unsupportedMessage(v('18.0.0'), 'deletePackageFile', 'x'), undefined);
    assert.equal(unsupportedMessage(undefined, 'deletePackageFile', 'x'), undefined);
  });
});
