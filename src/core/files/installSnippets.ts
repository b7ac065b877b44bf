/**
 * How to install or reference a package, per package type, for the instance and project it
 * lives in (the same snippets GitLab's package page offers). Tokens are never filled in: the
 * snippets name an environment variable instead.
 */
import type { Package } from '../../gitlab/models';

export interface Snippet {
  label: string;
  text: string;
}

export interface Location {
  /** Instance root, e.g. `https://gitlab.example.com/gitlab`. */
  instanceUrl: string;
  projectId: number;
}

export function installSnippets(pkg: Package, at: Location): Snippet[] {
  const api = `${at.instanceUrl}/api/v4/projects/${at.projectId}/packages`;
  const host = new URL(at.instanceUrl).host;
  const v = pkg.version ?? '';
  const name = pkg.name;
  switch (pkg.packageType) {
    case 'npm': {
      const scope = /^(@[^/]+)\//.exec(name)?.[1];
      // A dist-tag (`latest`, `next`) is what people install by; the exact version stays one pick away.
      const tag = pkg.tags[0]?.name;
      const spec = tag ? `@${tag}` : v ? `@${v}` : '';
      return [
        { label: tag ? `npm install (tag ${tag})` : 'npm install', text: `npm install ${name}${spec}` },
        { label: tag ? `yarn add (tag ${tag})` : 'yarn add', text: `yarn add ${name}${spec}` },
        ...(tag && v ? [{ label: 'npm install (this version)', text: `npm install ${name}@${v}` }] : []),
        {
          label: 'Registry setup (.npmrc)',
          text: `${scope ? `${scope}:` : ''}registry=${api}/npm/\n//${host}${new URL(api).pathname}/npm/:_authToken=\${GITLAB_TOKEN}`,
        },
      ];
    }
    case 'maven': {
      const parts = name.split('/');
      const artifactId = parts.pop() ?? name;
      const groupId = parts.join('.');
      return [
        {
          label: 'Maven dependency (XML)',
          text: `<dependency>\n  <groupId>${xml(groupId)}</groupId>\n  <artifactId>${xml(artifactId)}</artifactId>\n  <version>${xml(v)}</version>\n</dependency>`,
        },
        {
          label: 'Maven repository (XML)',
          text: `<repositories>\n  <repository>\n    <id>gitlab-maven</id>\n    <url>${xml(api)}/maven</url>\n  </repository>\n</repositories>`,
        },
        { label: 'mvn dependency:get', text: `mvn dependency:get -Dartifact=${groupId}:${artifactId}:${v} -DremoteRepositories=gitlab-maven::::${api}/maven` },
        { label: 'Gradle (Groovy)', text: `implementation '${groupId}:${artifactId}:${v}'` },
        { label: 'Gradle (Kotlin)', text: `implementation("${groupId}:${artifactId}:${v}")` },
      ];
    }
    case 'pypi':
      return [
        { label: 'pip install', text: `pip install ${name}${v ? `==${v}` : ''} --index-url ${api}/pypi/simple` },
        { label: 'pip.conf / index URL', text: `[global]\nindex-url = ${api}/pypi/simple` },
      ];
    case 'nuget':
      return [
        { label: 'dotnet add package', text: `dotnet add package ${name}${v ? ` --version ${v}` : ''}` },
        { label: 'NuGet source', text: `dotnet nuget add source "${api}/nuget/index.json" --name gitlab --username <user> --password "$GITLAB_TOKEN"` },
      ];
    case 'composer':
      return [{ label: 'composer require', text: `composer require ${name}${v ? `:${v}` : ''}` }];
    case 'conan':
      return [
        { label: 'conan install', text: `conan install --requires=${name}` },
        { label: 'Conan remote', text: `conan remote add gitlab ${api}/conan` },
      ];
    case 'helm':
      return [
        { label: 'helm repo add', text: `helm repo add --username <user> --password "$GITLAB_TOKEN" gitlab-${at.projectId} ${api}/helm/stable` },
        { label: 'helm install', text: `helm install ${name} gitlab-${at.projectId}/${name}${v ? ` --version ${v}` : ''}` },
      ];
    case 'golang':
      return [{ label: 'go get', text: `go get ${name}${v ? `@${v}` : ''}` }];
    case 'generic':
      return [
        {
          label: 'curl (download a file)',
          text: `curl --fail --header "PRIVATE-TOKEN: $GITLAB_TOKEN" --remote-name "${api}/generic/${encodeURIComponent(name)}/${encodeURIComponent(v)}/<file_name>"`,
        },
      ];
    case 'rubygems':
      return [{ label: 'gem install', text: `gem install ${name}${v ? ` --version ${v}` : ''} --source ${api}/rubygems` }];
    default:
      return [{ label: 'Coordinates', text: `${name}${v ? ` ${v}` : ''}` }];
  }
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
