/**
 * A package protection rule as `GET /projects/:id/packages/protection/rules` returns it
 * (GitLab 17.6+; `minimum_access_level_for_delete` from 17.11), parsed tolerantly, and the
 * fields a create or update sends.
 */
import { ShapeError } from './models';

export interface ProtectionRule {
  id: number;
  /** `*` is a wildcard: `@acme/*`, `*-release`. */
  packageNamePattern: string;
  packageType: string;
  /** `maintainer`, `owner`, `admin`; absent (null): developers and above may push. */
  minimumAccessLevelForPush?: string;
  /** `owner`, `admin`; absent (null, or a server before 17.11): maintainers and above may delete. */
  minimumAccessLevelForDelete?: string;
}

/** What a create sends (all but the pattern and type may be null: "no restriction"). */
export interface RuleFields {
  packageNamePattern: string;
  packageType: string;
  minimumAccessLevelForPush: string | null;
  /** Left out of the request on servers before 17.11, which do not know it. */
  minimumAccessLevelForDelete?: string | null;
}

export function parseProtectionRule(v: unknown): ProtectionRule {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError('expected a protection rule to be an object');
  const o = v as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof o[key] === 'string' ? o[key] : undefined);
  const id = o.id;
  const pattern = text('package_name_pattern');
  const type = text('package_type');
  if (typeof id !== 'number' || pattern === undefined || type === undefined)
    throw new ShapeError('a protection rule has no id, package_name_pattern or package_type');
  return {
    id,
    packageNamePattern: pattern,
    packageType: type,
    minimumAccessLevelForPush: text('minimum_access_level_for_push'),
    minimumAccessLevelForDelete: text('minimum_access_level_for_delete'),
  };
}

/** The request body, in GitLab's field names (`undefined` fields are left out, `null` clears). */
export function ruleBody(fields: Partial<RuleFields>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    package_name_pattern: fields.packageNamePattern,
    package_type: fields.packageType,
    minimum_access_level_for_push: fields.minimumAccessLevelForPush,
    minimum_access_level_for_delete: fields.minimumAccessLevelForDelete,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}
