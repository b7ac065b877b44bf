import { strict as assert } from 'node:assert';
import { parseLockfile } from '../../../../src/core/lockfiles/parseLockfile';
import { hex, sri } from '../../../support/lockfileHashes';

const GL = 'https://gitlab.example.com/api/v4/projects/42/packages/npm';
const widgets = 'widgets tarball bytes';
const core = 'core tarball bytes';

/** npm 9 writes v3: `packages` only, keyed by install path. */
const V3 = `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "app",
      "version": "1.0.0",
      "dependencies": {
        "@acme/widgets": "^1.2.0",
        "left-pad": "^1.3.0"
      }
    },
    "node_modules/@acme/widgets": {
      "version": "1.2.3",
      "resolved": "${GL}/@acme/widgets/-/@acme/widgets-1.2.3.tgz",
      "integrity": "${sri('sha1', widgets)}",
      "dependencies": {
        "@acme/core": "2.0.0"
      }
    },
    "node_modules/@acme/widgets/node_modules/@acme/core": {
      "version": "2.0.0",
      "resolved": "${GL}/@acme%2fcore/-/@acme/core-2.0.0.tgz",
      "integrity": "${sri('sha512', core)}"
    },
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEb1FNfHnHA25hGnEeR/k6IMD4fXHyffeMP0rYfQipwMOEv8A==",
      "deprecated": "use String.prototype.padStart()"
    },
    "node_modules/linked": {
      "resolved": "packages/linked",
      "link": true
    },
    "packages/linked": {
      "version": "0.0.1"
    },
    "node_modules/alias": {
      "name": "@acme/core",
      "version": "2.0.0",
      "resolved": "${GL}/@acme/core/-/@acme/core-2.0.0.tgz",
      "integrity": "${sri('sha512', core)}"
    },
    "node_modules/from-git": {
      "version": "1.0.0",
      "resolved": "git+ssh://git@github.com/acme/from-git.git#0123456789abcdef0123456789abcdef01234567"
    },
    "node_modules/bundled-dep": {
      "version": "1.0.0",
      "inBundle": true
    }
  }
}
`;

/** npm 6 writes v1: nested `dependencies` by name. */
const V1 = `{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "@acme/widgets": {
      "version": "1.2.3",
      "resolved": "${GL}/@acme/widgets/-/@acme/widgets-1.2.3.tgz",
      "integrity": "${sri('sha1', widgets)}",
      "requires": {
        "@acme/core": "2.0.0"
      },
      "dependencies": {
        "@acme/core": {
          "version": "2.0.0",
          "resolved": "${GL}/@acme/core/-/@acme/core-2.0.0.tgz",
          "integrity": "${sri('sha512', core)}"
        }
      }
    },
    "aliased": {
      "version": "npm:@acme/core@2.0.0",
      "resolved": "${GL}/@acme/core/-/@acme/core-2.0.0.tgz",
      "integrity": "${sri('sha512', core)}"
    },
    "local": {
      "version": "file:../local"
    },
    "inner": {
      "version": "1.0.0",
      "bundled": true
    }
  }
}
`;

/** npm 7/8 write v2: both, and npm 7+ reads `packages`. */
const V2 = V3.replace('"lockfileVersion": 3', '"lockfileVersion": 2').replace(
  /\n}\n$/,
  `,
  "dependencies": {
    "stale-only-in-v1-section": { "version": "9.9.9", "resolved": "${GL}/stale/-/stale-9.9.9.tgz" }
  }
}
`,
);

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('lockfiles: package-lock.json', () => {
  it('v3: one entry per installed registry package, on the line of its key', () => {
    const r = parseLockfile('package-lock', V3);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.version, e.line]),
      [
        ['@acme/widgets', '1.2.3', lineOf(V3, '"node_modules/@acme/widgets"')],
        ['@acme/core', '2.0.0', lineOf(V3, '"node_modules/@acme/widgets/node_modules/@acme/core"')],
        ['left-pad', '1.3.0', lineOf(V3, '"node_modules/left-pad"')],
        ['@acme/core', '2.0.0', lineOf(V3, '"node_modules/alias"')],
      ],
    );
    // The link, the workspace folder, the git dependency and the bundled one.
    assert.equal(r.ignored, 4);
  });

  it('decodes integrity to hex digests and keeps the resolved URL', () => {
    const [widgetsEntry, coreEntry] = parseLockfile('package-lock', V3).entries;
    assert.deepEqual(widgetsEntry.files, [
      { url: `${GL}/@acme/widgets/-/@acme/widgets-1.2.3.tgz`, digests: [{ algorithm: 'sha1', hex: hex('sha1', widgets) }] },
    ]);
    assert.deepEqual(coreEntry.files[0].digests, [{ algorithm: 'sha512', hex: hex('sha512', core) }]);
    assert.equal(widgetsEntry.ecosystem, 'npm');
  });

  it('v2: reads `packages` as npm 7+ does, not the v1 section', () => {
    const r = parseLockfile('package-lock', V2);
    assert.deepEqual(
      r.entries.map((e) => e.name),
      ['@acme/widgets', '@acme/core', 'left-pad', '@acme/core'],
    );
  });

  it('v1: walks nested dependencies, resolves npm: aliases, ignores file: and bundled ones', () => {
    const r = parseLockfile('npm-shrinkwrap', V1);
    assert.equal(r.format, 'npm-shrinkwrap');
    const got = r.entries.map((e) => [e.name, e.version, e.line]).sort((a, b) => Number(a[2]) - Number(b[2]));
    assert.deepEqual(got, [
      ['@acme/widgets', '1.2.3', lineOf(V1, '"@acme/widgets": {')],
      ['@acme/core', '2.0.0', lineOf(V1, '"@acme/core": {')],
      ['@acme/core', '2.0.0', lineOf(V1, '"aliased"')],
    ]);
    assert.equal(r.ignored, 2);
  });

  it('a key with JSON escapes still gets its line', () => {
    const text =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n    "node_modules/\\u0061b": {\n      "version": "1.0.0",\n      "resolved": "https://r.example/ab/-/ab-1.0.0.tgz"\n    }\n  }\n}\n';
    const r = parseLockfile('package-lock', text);
    assert.deepEqual(
      r.entries.map((e) => [e.name, e.line]),
      [['ab', 5]],
    );
  });

  it('reports invalid JSON with the line it breaks on, and an unknown lockfileVersion', () => {
    // A trailing comma (a hand edit): V8 names the position of the `}` it did not expect.
    const broken = parseLockfile('package-lock', '{\n  "lockfileVersion": 3,\n  "packages": {\n    "x": {},\n  }\n}\n');
    assert.equal(broken.entries.length, 0);
    assert.equal(broken.problems[0].kind, 'syntax');
    assert.equal(broken.problems[0].line, 5);
    const future = parseLockfile('package-lock', '{"lockfileVersion": 4, "packages": {}}');
    assert.deepEqual(
      future.problems.map((p) => [p.kind, p.detail]),
      [['unsupported', 'lockfileVersion 4']],
    );
  });

  it('reads a file that starts with a byte order mark', () => {
    assert.equal(parseLockfile('package-lock', '\ufeff' + V3).entries.length, 4);
  });
});
