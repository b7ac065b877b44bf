/** The API routes that serve a package file, newest first (GitLab 18.4 serves any file by id; older servers per format). */
import type { Package, PackageFile } from './models';
import type { ProjectKey } from './types';

const enc = encodeURIComponent;
const segments = (p: string): string => p.split('/').map(enc).join('/');

/** API paths that serve the file, newest first. */
export function downloadPaths(project: ProjectKey, pkg: Package, file: PackageFile): string[] {
  const base = `/projects/${enc(String(project))}/packages`;
  const v = pkg.version ?? '';
  const paths = [`${base}/${pkg.id}/package_files/${file.id}/download`];
  switch (pkg.packageType) {
    case 'generic':
      paths.push(`${base}/generic/${enc(pkg.name)}/${enc(v)}/${segments(file.fileName)}`);
      break;
    case 'maven':
      paths.push(`${base}/maven/${segments(pkg.name)}/${enc(v)}/${enc(file.fileName)}`);
      break;
    case 'npm':
      paths.push(`${base}/npm/${enc(pkg.name)}/-/${enc(file.fileName)}`);
      break;
    case 'pypi':
      if (file.fileSha256) paths.push(`${base}/pypi/files/${file.fileSha256}/${enc(file.fileName)}`);
      break;
    case 'nuget':
      paths.push(`${base}/nuget/download/${enc(pkg.name)}/${enc(v)}/${enc(file.fileName)}`);
      break;
    case 'helm':
      paths.push(`${base}/helm/stable/charts/${enc(file.fileName)}`);
      break;
    case 'golang':
      if (file.fileName.endsWith('.zip')) paths.push(`${base}/go/${segments(pkg.name)}/@v/${enc(v)}.zip`);
      break;
  }
  return paths;
}
