/**
 * The GitLab Packages REST API, one method per endpoint. Pure: no `vscode`; `fetch` and
 * `getToken` come in through the constructor.
 */
import { downloadPaths } from './downloadRoutes';
import { NotFoundError } from './errors';
import { HttpClient, type HttpOptions } from './transport';
import {
  parseList,
  parsePackage,
  parsePackageFile,
  parsePipeline,
  parseProject,
  parseTokenInfo,
  parseUser,
  parseVersion,
  type Package,
  type PackageFile,
  type Pipeline,
  type Project,
  type ServerVersion,
  type TokenInfo,
  type User,
} from './models';
import { collectAll, iteratePages, pageFromHeaders, type Page, type PagingOptions } from './pagination';
import { collectKeyset, keysetPage, type KeysetPage } from './keyset';
import { parseProtectionRule, ruleBody, type ProtectionRule, type RuleFields } from './protectionRuleModels';
import type { ProjectKey } from './types';

export type PackageOrderBy = 'created_at' | 'name' | 'version' | 'type';
export type SortDirection = 'asc' | 'desc';

export interface PackageQuery {
  orderBy?: PackageOrderBy;
  sort?: SortDirection;
  packageType?: string;
  packageName?: string;
  packageVersion?: string;
  includeVersionless?: boolean;
  status?: string;
}

export interface GroupPackageQuery extends Omit<PackageQuery, 'orderBy'> {
  orderBy?: PackageOrderBy | 'project_path';
  excludeSubgroups?: boolean;
}

export interface FileQuery {
  orderBy?: 'id' | 'created_at' | 'file_name';
  sort?: SortDirection;
}

export interface ClientOptions extends HttpOptions {
  /** Page requests in flight at once when the total is known (default 8). */
  concurrency?: number;
  /** Rows per page (GitLab caps at 100). */
  perPage?: number;
}

export type Paging = Partial<Omit<PagingOptions, 'concurrency'>>;

export const PER_PAGE_MAX = 100;
/** The pipelines endpoint rejects (400) more than 20 per page. */
export const PIPELINES_PER_PAGE_MAX = 20;

/** GitLab before 18.4 has no download route for this package type (and the by-id route answered 404). */
export class NoDownloadRouteError extends Error {
  constructor(readonly packageType: string) {
    super(`no API download route for ${packageType} package files before GitLab 18.4`);
    this.name = 'NoDownloadRouteError';
  }
}

export class GitLabClient {
  private readonly http: HttpClient;
  /** Requests in flight at once for paged lists and bulk deletes. */
  readonly concurrency: number;
  private readonly perPage: number;

  constructor(opts: ClientOptions) {
    this.http = new HttpClient(opts);
    this.concurrency = opts.concurrency ?? 8;
    this.perPage = Math.min(opts.perPage ?? PER_PAGE_MAX, PER_PAGE_MAX);
  }

  get origin(): string {
    return this.http.origin;
  }

  projectPackagesPage(project: ProjectKey, query: PackageQuery, page: number, signal?: AbortSignal): Promise<Page<Package>> {
    return this.page(`/projects/${enc(project)}/packages`, packageParams(query), page, parsePackage, signal);
  }

  /** Pages of a project's packages, the first as soon as it arrives. */
  projectPackages(project: ProjectKey, query: PackageQuery = {}, paging: Paging = {}): AsyncGenerator<Page<Package>> {
    return iteratePages((page, signal) => this.projectPackagesPage(project, query, page, signal), { concurrency: this.concurrency, ...paging });
  }

  groupPackagesPage(group: ProjectKey, query: GroupPackageQuery, page: number, signal?: AbortSignal): Promise<Page<Package>> {
    const params = { ...packageParams(query), exclude_subgroups: query.excludeSubgroups };
    return this.page(`/groups/${enc(group)}/packages`, params, page, parsePackage, signal);
  }

  groupPackages(group: ProjectKey, query: GroupPackageQuery = {}, paging: Paging = {}): AsyncGenerator<Page<Package>> {
    return iteratePages((page, signal) => this.groupPackagesPage(group, query, page, signal), { concurrency: this.concurrency, ...paging });
  }

  /** `once`: a single try, no automatic retries (a caller that pauses and counts failures itself). */
  async getPackage(project: ProjectKey, packageId: number, signal?: AbortSignal, once = false): Promise<Package> {
    return (await this.http.get(`/projects/${enc(project)}/packages/${packageId}`, parsePackage, { signal, ...(once ? { retries: 0 } : {}) })).value;
  }

  packageFilesPage(
    project: ProjectKey,
    packageId: number,
    page: number,
    query: FileQuery = {},
    signal?: AbortSignal,
    once = false,
  ): Promise<Page<PackageFile>> {
    const params = { order_by: query.orderBy, sort: query.sort };
    return this.page(`/projects/${enc(project)}/packages/${packageId}/package_files`, params, page, parsePackageFile, signal, once);
  }

  packageFiles(project: ProjectKey, packageId: number, query: FileQuery = {}, paging: Paging = {}): AsyncGenerator<Page<PackageFile>> {
    return iteratePages((page, signal) => this.packageFilesPage(project, packageId, page, query, signal), { concurrency: this.concurrency, ...paging });
  }

  /** Every file of a package, up to `maxPages` pages (enough for any real package). */
  async allPackageFiles(project: ProjectKey, packageId: number, signal?: AbortSignal, query: FileQuery = {}, maxPages = 100): Promise<PackageFile[]> {
    return (await collectAll((page, s) => this.packageFilesPage(project, packageId, page, query, s), { concurrency: this.concurrency, signal, maxPages }))
      .items;
  }

  /** One page of the pipelines that published a package, newest first (GitLab 16.1+, keyset only). */
  async packagePipelinesPage(
    project: ProjectKey,
    packageId: number,
    cursor?: string,
    perPage = PIPELINES_PER_PAGE_MAX,
    signal?: AbortSignal,
  ): Promise<KeysetPage<Pipeline>> {
    const query = { per_page: Math.min(Math.max(1, perPage), PIPELINES_PER_PAGE_MAX), cursor };
    const parse = (body: unknown): Pipeline[] => parseList(body, (v) => parsePipeline(v) ?? {}, 'pipelines');
    const { value, headers } = await this.http.get(`/projects/${enc(project)}/packages/${packageId}/pipelines`, parse, { query, signal });
    return keysetPage(value, headers, query.per_page);
  }

  /** Every pipeline of a package, following the cursor to the end (at most `maxPages` pages). */
  allPackagePipelines(
    project: ProjectKey,
    packageId: number,
    signal?: AbortSignal,
    maxPages = 50,
  ): Promise<{ items: Pipeline[]; complete: boolean; unsure?: boolean }> {
    return collectKeyset((cursor, s) => this.packagePipelinesPage(project, packageId, cursor, PIPELINES_PER_PAGE_MAX, s), { maxPages, signal });
  }

  /**
   * The project's package protection rules (GitLab 17.6+; Maintainer or more, else 403): one
   * plain GET — GitLab does not paginate this list (lib/api/project_packages_protection_rules.rb
   * presents every rule, no paging headers, `page` ignored), so no page is ever guessed.
   */
  async protectionRules(project: ProjectKey, signal?: AbortSignal): Promise<ProtectionRule[]> {
    const parse = (body: unknown): ProtectionRule[] => parseList(body, parseProtectionRule, 'rules');
    return (await this.http.get(`/projects/${enc(project)}/packages/protection/rules`, parse, { signal })).value;
  }

  /** Never retried, like every write. 422 when the pattern is taken for that type. */
  async createProtectionRule(project: ProjectKey, fields: RuleFields, signal?: AbortSignal): Promise<ProtectionRule> {
    return (await this.http.parsed('POST', `/projects/${enc(project)}/packages/protection/rules`, parseProtectionRule, { body: ruleBody(fields), signal }))
      .value;
  }

  async updateProtectionRule(project: ProjectKey, ruleId: number, fields: Partial<RuleFields>, signal?: AbortSignal): Promise<ProtectionRule> {
    const path = `/projects/${enc(project)}/packages/protection/rules/${ruleId}`;
    return (await this.http.parsed('PATCH', path, parseProtectionRule, { body: ruleBody(fields), signal })).value;
  }

  async deleteProtectionRule(project: ProjectKey, ruleId: number, signal?: AbortSignal): Promise<void> {
    await this.http.json('DELETE', `/projects/${enc(project)}/packages/protection/rules/${ruleId}`, { signal });
  }

  /**
   * Streams a package file to `onChunk`: the download-by-id route of GitLab 18.4+, else the
   * per-format route older servers have. Not retried (the sink has seen part of it).
   */
  async downloadPackageFile(
    project: ProjectKey,
    pkg: Package,
    file: PackageFile,
    onChunk: (chunk: Uint8Array) => void | Promise<void>,
    signal?: AbortSignal,
  ): Promise<void> {
    const paths = downloadPaths(project, pkg, file);
    for (let i = 0; ; i++) {
      try {
        await this.http.download(paths[i], onChunk, signal);
        return;
      } catch (e) {
        // A 404 comes before any byte of the body: the next route starts clean.
        if (e instanceof NotFoundError && i + 1 < paths.length) continue;
        if (e instanceof NotFoundError && paths.length === 1) throw new NoDownloadRouteError(pkg.packageType);
        throw e;
      }
    }
  }

  /** Never retried: a DELETE that may have reached the server is not sent twice. */
  async deletePackage(project: ProjectKey, packageId: number, signal?: AbortSignal): Promise<void> {
    await this.http.json('DELETE', packagePath(project, packageId), { signal });
  }

  async deletePackageFile(project: ProjectKey, packageId: number, fileId: number, signal?: AbortSignal): Promise<void> {
    await this.http.json('DELETE', packagePath(project, packageId, fileId), { signal });
  }

  async getProject(project: ProjectKey, signal?: AbortSignal): Promise<Project> {
    return (await this.http.get(`/projects/${enc(project)}`, parseProject, { signal })).value;
  }

  async getCurrentUser(signal?: AbortSignal): Promise<User> {
    return (await this.http.get('/user', parseUser, { signal })).value;
  }

  async getTokenInfo(signal?: AbortSignal): Promise<TokenInfo> {
    return (await this.http.get('/personal_access_tokens/self', parseTokenInfo, { signal })).value;
  }

  async getVersion(signal?: AbortSignal): Promise<ServerVersion> {
    return (await this.http.get('/version', parseVersion, { signal })).value;
  }

  private async page<T>(
    path: string,
    params: Record<string, string | number | boolean | undefined>,
    page: number,
    parseItem: (v: unknown) => T,
    signal?: AbortSignal,
    once = false,
  ): Promise<Page<T>> {
    const query = { ...params, page, per_page: this.perPage };
    const { value, headers } = await this.http.get(path, (body) => parseList(body, parseItem, 'items'), { query, signal, ...(once ? { retries: 0 } : {}) });
    return pageFromHeaders(value, headers, page, this.perPage);
  }
}

/** The API path of a package, or of one of its files (what their DELETEs address). */
export function packagePath(project: ProjectKey, packageId: number, fileId?: number): string {
  return `/projects/${enc(project)}/packages/${packageId}${fileId === undefined ? '' : `/package_files/${fileId}`}`;
}

function enc(key: ProjectKey): string {
  return encodeURIComponent(String(key));
}

function packageParams(q: PackageQuery | GroupPackageQuery): Record<string, string | boolean | undefined> {
  return {
    order_by: q.orderBy,
    sort: q.sort,
    package_type: q.packageType,
    package_name: q.packageName,
    package_version: q.packageVersion,
    include_versionless: q.includeVersionless,
    status: q.status,
  };
}
