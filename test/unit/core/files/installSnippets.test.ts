import { strict as assert } from 'node:assert';
import { parsePackage } from '../../../../src/gitlab/models';
import { installSnippets } from '../../../../src/core/files/installSnippets';

const at = { instanceUrl: 'https://git.example.com/gitlab', projectId: 42 };
const snippets = (json: Record<string, unknown>) => installSnippets(parsePackage({ id: 1, ...json }), at);
const text = (json: Record<string, unknown>, label: string) => snippets(json).find((s) => s.label === label)?.text;

describe('install commands', () => {
  it('maven: XML dependency and Gradle coordinates from the path-style name; repository URL on the instance', () => {
    const m = { name: 'com/mycompany/my-app', version: '1.0-SNAPSHOT', package_type: 'maven' };
    assert.equal(
      text(m, 'Maven dependency (XML)'),
      '<dependency>\n  <groupId>com.mycompany</groupId>\n  <artifactId>my-app</artifactId>\n  <version>1.0-SNAPSHOT</version>\n</dependency>',
    );
    assert.equal(text(m, 'Gradle (Groovy)'), "implementation 'com.mycompany:my-app:1.0-SNAPSHOT'");
    assert.match(text(m, 'Maven repository (XML)') ?? '', /<url>https:\/\/git\.example\.com\/gitlab\/api\/v4\/projects\/42\/packages\/maven<\/url>/);
  });

  it('npm: scoped registry line and a token taken from the environment, never a literal token', () => {
    const n = { name: '@acme/ui', version: '2.3.1', package_type: 'npm' };
    assert.equal(text(n, 'npm install'), 'npm install @acme/ui@2.3.1');
    assert.equal(
      text(n, 'Registry setup (.npmrc)'),
      '@acme:registry=https://git.example.com/gitlab/api/v4/projects/42/packages/npm/\n//git.example.com/gitlab/api/v4/projects/42/packages/npm/:_authToken=${GITLAB_TOKEN}',
    );
  });

  it('every other type has a snippet with name and version; unknown types fall back to coordinates', () => {
    const cases: [string, string, RegExp][] = [
      ['pypi', 'acme-tools', /pip install acme-tools==0\.1 --index-url https:\/\/git\.example\.com\/gitlab\/api\/v4\/projects\/42\/packages\/pypi\/simple/],
      ['nuget', 'Acme.Core', /dotnet add package Acme\.Core --version 0\.1/],
      ['composer', 'acme/php-lib', /composer require acme\/php-lib:0\.1/],
      ['conan', 'Hello/0.1@mycompany/stable', /conan install --requires=Hello\/0\.1@mycompany\/stable/],
      ['helm', 'acme-chart', /helm install acme-chart gitlab-42\/acme-chart --version 0\.1/],
      ['golang', 'gitlab.example.com/acme/app', /go get gitlab\.example\.com\/acme\/app@0\.1/],
      ['generic', 'release assets', /packages\/generic\/release%20assets\/0\.1\/<file_name>/],
      ['ml_model', 'model', /^model 0\.1$/],
    ];
    for (const [type, name, re] of cases)
      assert.ok(
        snippets({ name, version: '0.1', package_type: type }).some((s) => re.test(s.text)),
        type,
      );
  });
});
