/**
 * The fake GitLab's package protection rules (GitLab 17.6+: `GET/POST
 * /projects/:id/packages/protection/rules`, `PATCH/DELETE …/rules/:id`; Maintainer or more;
 * `minimum_access_level_for_delete` from 17.11) and the package pipelines endpoint (16.1+,
 * keyset paging only: `per_page` ≤ 20, an opaque `cursor`, `Link rel="next"`; 404 unless the
 * package status is `default` or `deprecated`), with GitLab's shapes and status codes.
 */
import type { Package, Pipeline, Project } from './store';

export interface Rule {
  id: number;
  projectId: number;
  packageNamePattern: string;
  packageType: string;
  minimumAccessLevelForPush: string | null;
  minimumAccessLevelForDelete: string | null;
}

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export interface RouteContext {
  project: Project;
  /** The caller's access level in the project. */
  level: number;
  /** The caller is an instance administrator (may administer every project's rules). */
  admin: boolean;
  /** The feature flag `packages_protected_packages_delete` (off by default on GitLab). */
  deleteProtection: boolean;
  version: string;
  baseUrl: string;
  body: Record<string, unknown> | undefined;
  query: Record<string, string>;
  packageIn(id: number): Package;
  fail(status: number, body: object): Error;
}

/** Rule types GitLab accepts (the model enum grew: npm first, then pypi, maven, conan, nuget, helm, generic). */
export const PROTECTABLE_TYPES = ['npm', 'pypi', 'maven', 'conan', 'nuget', 'helm', 'generic'];
const PUSH = ['maintainer', 'owner', 'admin'];
const DELETE = ['owner', 'admin'];
const LEVELS: Record<string, number> = { maintainer: 40, owner: 50, admin: 60 };

export function atLeast(version: string, major: number, minor: number): boolean {
  const [ma, mi] = version.split(/[.-]/).map(Number);
  return ma > major || (ma === major && mi >= minor);
}

/**
 * GitLab: app/models/packages/protection/rule.rb (`for_package_name`) — `name ILIKE pattern`
 * after lib/gitlab/sql/glob.rb's REPLACE (`%` → `\%`, `_` → `\_`, `*` → `%`). PostgreSQL's
 * ILIKE then reads `\` as its escape character, `%` as any run and `_` as one character, and
 * refuses a pattern ending in a lone `\` (the query fails). Matched by dynamic programming.
 */
export function patternMatches(pattern: string, name: string): boolean {
  const like = pattern.replaceAll('%', '\\%').replaceAll('_', '\\_').replaceAll('*', '%').toLowerCase();
  const tokens: { kind: 'run' | 'one' | 'char'; ch?: string }[] = [];
  for (let i = 0; i < like.length; i++) {
    if (like[i] === '\\') {
      if (++i === like.length) throw new Error('LIKE pattern must not end with escape character');
      tokens.push({ kind: 'char', ch: like[i] });
    } else tokens.push(like[i] === '%' ? { kind: 'run' } : like[i] === '_' ? { kind: 'one' } : { kind: 'char', ch: like[i] });
  }
  const value = name.toLowerCase();
  // ok[i]: the first i characters of the name match the tokens read so far.
  let ok = Array.from({ length: value.length + 1 }, (_, i) => i === 0);
  for (const t of tokens) {
    const next = ok.map(() => false);
    for (let i = 0; i <= value.length; i++) {
      if (t.kind === 'run') next[i] = ok[i] || (i > 0 && next[i - 1]);
      else next[i] = i > 0 && ok[i - 1] && (t.kind === 'one' || value[i - 1] === t.ch);
    }
    ok = next;
  }
  return ok[value.length];
}

export class Protection {
  private readonly rules: Rule[] = [];
  private nextId = 1;

  addRule(r: Omit<Rule, 'id' | 'minimumAccessLevelForPush' | 'minimumAccessLevelForDelete'> & Partial<Rule>): Rule {
    const rule: Rule = { minimumAccessLevelForPush: null, minimumAccessLevelForDelete: null, ...r, id: r.id ?? this.nextId++ };
    this.nextId = Math.max(this.nextId, rule.id + 1);
    this.rules.push(rule);
    return rule;
  }

  rulesOf(projectId: number): Rule[] {
    return this.rules.filter((r) => r.projectId === projectId);
  }

  /** Delete protection (17.11+, its flag on: the caller checks): a matching rule's delete level is above the caller's. */
  refusesDelete(pkg: Package, level: number, version: string): boolean {
    if (!atLeast(version, 17, 11)) return false;
    return this.rulesOf(pkg.projectId).some(
      (r) =>
        r.packageType === pkg.packageType &&
        patternMatches(r.packageNamePattern, pkg.name) &&
        r.minimumAccessLevelForDelete !== null &&
        level < LEVELS[r.minimumAccessLevelForDelete],
    );
  }

  /** The rules routes below `/projects/:id`, or undefined when `rest` is not one of them. */
  route(method: string, rest: string, ctx: RouteContext): Answer | undefined {
    const m = /^\/packages\/protection\/rules(?:\/(\d+))?$/.exec(rest);
    if (!m) return undefined;
    if (ctx.project.shape === '11.9' || !atLeast(ctx.version, 17, 6)) throw ctx.fail(404, { error: '404 Not Found' });
    if (ctx.level < 40 && !ctx.admin) throw ctx.fail(403, { message: '403 Forbidden' });
    const id = m[1] ? Number(m[1]) : undefined;
    const json = (r: Rule): Record<string, unknown> => this.json(r, ctx);
    // GitLab: lib/api/project_packages_protection_rules.rb — `present user_project.package_protection_rules`, no
    // `paginate`: every rule in one answer, no paging headers, `page`/`per_page` ignored.
    if (id === undefined && method === 'GET') return { status: 200, body: this.rulesOf(ctx.project.id).map(json) };
    if (id === undefined && method === 'POST') {
      const fields = this.fields(ctx, true);
      const rule = this.addRule({ projectId: ctx.project.id, packageNamePattern: '', packageType: '', ...fields });
      return { status: 201, body: json(rule) };
    }
    if (id === undefined) return undefined;
    const index = this.rules.findIndex((r) => r.id === id && r.projectId === ctx.project.id);
    if (index < 0) throw ctx.fail(404, { message: '404 Not found' });
    if (method === 'PATCH') {
      const fields = this.fields(ctx, false, this.rules[index]);
      Object.assign(this.rules[index], fields);
      return { status: 200, body: json(this.rules[index]) };
    }
    if (method === 'DELETE') {
      this.rules.splice(index, 1);
      return { status: 204, body: '' };
    }
    return undefined;
  }

  /**
   * Grape's validation (400) and the model's (422), as GitLab words them (GitLab:
   * lib/api/project_packages_protection_rules.rb, app/models/packages/protection/rule.rb;
   * spec/requests/api/project_packages_protection_rules_spec.rb for the flag's effect).
   */
  private fields(ctx: RouteContext, create: boolean, current?: Rule): Partial<Rule> {
    const b = ctx.body ?? {};
    const withDelete = atLeast(ctx.version, 17, 11);
    const out: Partial<Rule> = {};
    if (b.package_name_pattern !== undefined) {
      if (typeof b.package_name_pattern !== 'string' || !b.package_name_pattern.trim()) throw ctx.fail(400, { error: 'package_name_pattern is empty' });
      out.packageNamePattern = b.package_name_pattern;
    } else if (create) throw ctx.fail(400, { error: 'package_name_pattern is missing' });
    if (b.package_type !== undefined) {
      if (typeof b.package_type !== 'string' || !PROTECTABLE_TYPES.includes(b.package_type))
        throw ctx.fail(400, { error: 'package_type does not have a valid value' });
      out.packageType = b.package_type;
    } else if (create) throw ctx.fail(400, { error: 'package_type is missing' });
    if (b.minimum_access_level_for_push !== undefined) {
      const v = b.minimum_access_level_for_push;
      if (v !== null && (typeof v !== 'string' || !PUSH.includes(v)))
        throw ctx.fail(400, { error: 'minimum_access_level_for_push does not have a valid value' });
      // Before 17.11 a rule is a push rule: the level is required and may not be empty.
      if (v === null && !withDelete) throw ctx.fail(400, { error: 'minimum_access_level_for_push is empty' });
      out.minimumAccessLevelForPush = v;
    } else if (create && !withDelete) throw ctx.fail(400, { error: 'minimum_access_level_for_push is missing' });
    // 17.11+: `at_least_one_of` the two levels (a null counts as given: the model answers it).
    if (create && withDelete && b.minimum_access_level_for_push === undefined && b.minimum_access_level_for_delete === undefined) {
      throw ctx.fail(400, { error: 'minimum_access_level_for_push, minimum_access_level_for_delete are missing, at least one parameter must be provided' });
    }
    // Before 17.11 the parameter is not declared: Grape drops it without a word.
    if (withDelete && b.minimum_access_level_for_delete !== undefined) {
      const v = b.minimum_access_level_for_delete;
      if (v !== null && (typeof v !== 'string' || !DELETE.includes(v)))
        throw ctx.fail(400, { error: 'minimum_access_level_for_delete does not have a valid value' });
      // With the flag off the level is validated, then not stored: a new rule gets none, an edited one keeps its old one.
      if (ctx.deleteProtection) out.minimumAccessLevelForDelete = v;
    }
    const next = { minimumAccessLevelForPush: null, minimumAccessLevelForDelete: null, ...current, ...out };
    // The service answers the model's errors as `render_api_error!({ error: full_messages }, 422)`.
    if (next.minimumAccessLevelForPush === null && next.minimumAccessLevelForDelete === null) {
      throw ctx.fail(422, { message: { error: ['A rule must have at least a minimum access role for push or delete.'] } });
    }
    const pattern = next.packageNamePattern;
    const type = next.packageType;
    if (this.rulesOf(ctx.project.id).some((r) => r !== current && r.packageNamePattern === pattern && r.packageType === type)) {
      throw ctx.fail(422, { message: { error: ['Package name pattern has already been taken'] } });
    }
    return out;
  }

  /** GitLab: lib/api/entities/projects/packages/protection/rule.rb (the delete level reads null while its flag is off). */
  private json(r: Rule, ctx: RouteContext): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: r.id,
      project_id: r.projectId,
      package_name_pattern: r.packageNamePattern,
      package_type: r.packageType,
      minimum_access_level_for_push: r.minimumAccessLevelForPush,
    };
    if (atLeast(ctx.version, 17, 11)) json.minimum_access_level_for_delete = ctx.deleteProtection ? r.minimumAccessLevelForDelete : null;
    return json;
  }
}

/** `GET /projects/:id/packages/:package_id/pipelines`, or undefined when `rest` is not it. */
export function pipelinesRoute(method: string, rest: string, ctx: RouteContext, pipelineJson: (p: Pipeline, pkg: Package) => unknown): Answer | undefined {
  const m = /^\/packages\/(\d+)\/pipelines$/.exec(rest);
  if (!m || method !== 'GET') return undefined;
  if (ctx.project.shape === '11.9' || !atLeast(ctx.version, 16, 1)) throw ctx.fail(404, { error: '404 Not Found' });
  const pkg = ctx.packageIn(Number(m[1]));
  if (pkg.status !== 'default' && pkg.status !== 'deprecated') throw ctx.fail(404, { message: '404 Package Not Found' });
  const perPage = ctx.query.per_page === undefined ? 20 : Number(ctx.query.per_page);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 20) throw ctx.fail(400, { error: 'per_page does not have a valid value' });
  let after = Number.MAX_SAFE_INTEGER;
  if (ctx.query.cursor !== undefined) {
    try {
      after = (JSON.parse(Buffer.from(ctx.query.cursor, 'base64url').toString('utf8')) as { id_lt: number }).id_lt;
    } catch {
      throw ctx.fail(400, { message: '400 Bad request - Invalid cursor' });
    }
  }
  const all = allPipelines(pkg).filter((p) => p.id < after);
  const page = all.slice(0, perPage);
  const headers: Record<string, string> = { 'x-per-page': String(perPage) };
  if (all.length > perPage) {
    const cursor = Buffer.from(JSON.stringify({ id_lt: page[page.length - 1].id })).toString('base64url');
    const next = `${ctx.baseUrl}/api/v4/projects/${ctx.project.id}/packages/${pkg.id}/pipelines?${new URLSearchParams({ cursor, per_page: String(perPage) }).toString()}`;
    headers.link = `<${next}>; rel="next"`;
  }
  return { status: 200, body: page.map((p) => pipelineJson(p, pkg)), headers };
}

/** Every pipeline that published the package, newest (highest id) first. */
export function allPipelines(pkg: Package): Pipeline[] {
  return [...(pkg.pipeline ? [pkg.pipeline] : []), ...(pkg.pipelines ?? [])].sort((a, b) => b.id - a.id);
}
