import { word } from '../../../../src/util/text';
import { strict as assert } from 'node:assert';
import { parseGroupEntry, parseInstanceUrl, parseProjectEntry } from '../../../../src/core/projects/projectRef';

const ok = (entry: string, def = 'https://gitlab.com', known: string[] = []) => {
  const r = parseProjectEntry(entry, def, known);
  if (!r.ok) throw new Error(`expected ${entry} to parse: ${word(r.reason)}`);
  return r.ref;
};

describe('project entries', () => {
  it('paths and ids resolve against the default instance', () => {
    assert.deepEqual(ok('acme/app'), { entry: 'acme/app', instanceUrl: 'https://gitlab.com', origin: 'https://gitlab.com', key: 'acme/app' });
    assert.equal(ok(' 42 ').key, 42);
    assert.equal(ok('group/sub/my.project').key, 'group/sub/my.project');
    assert.equal(ok('acme/app', 'https://host:8443/gitlab/').instanceUrl, 'https://host:8443/gitlab');
  });

  it('URLs name their own instance, including sub-path instances the user configured', () => {
    const r = ok('https://git.example.com/gitlab/group/proj/-/packages', 'https://gitlab.com', ['https://git.example.com/gitlab']);
    assert.equal(r.instanceUrl, 'https://git.example.com/gitlab');
    assert.equal(r.origin, 'https://git.example.com');
    assert.equal(r.key, 'group/proj');
    assert.equal(ok('https://gitlab.com/acme/app.git').key, 'acme/app');
    assert.equal(ok('http://127.0.0.1:8080/acme/app').origin, 'http://127.0.0.1:8080');
  });

  it('explains entries that are not a path, id or URL', () => {
    for (const bad of ['', 'app', 'acme/ app', 'ftp://host/a/b', 'https://user:pw@host/a/b', 'https://host/']) {
      const r = parseProjectEntry(bad, 'https://gitlab.com');
      assert.equal(r.ok, false, bad);
      if (!r.ok) assert.ok(word(r.reason).length > 10);
    }
    const empty = (r: ReturnType<typeof parseProjectEntry>) => (r.ok ? 'parsed' : word(r.reason));
    assert.deepEqual(
      [empty(parseProjectEntry(' ', 'https://gitlab.com')), empty(parseGroupEntry('', 'https://gitlab.com'))],
      ['Empty project entry', 'Empty group entry'],
    );
    const r = parseProjectEntry('acme/app', 'not a url');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(word(r.reason), /instanceUrl/);
  });

  it('instance URLs: trailing slashes dropped, credentials and queries refused', () => {
    assert.deepEqual(parseInstanceUrl('https://gitlab.example.com/'), { ok: true, url: 'https://gitlab.example.com', origin: 'https://gitlab.example.com' });
    assert.equal(parseInstanceUrl('https://u:p@h').ok, false);
    assert.equal(parseInstanceUrl('https://h/?x=1').ok, false);
    assert.equal(parseInstanceUrl('gitlab.com').ok, false);
  });
});
