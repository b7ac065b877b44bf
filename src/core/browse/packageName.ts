/**
 * One package name, as GitLab counts one: the versions of the same name and type in the same
 * project (a package's `versions` in GitLab: app/models/packages/package.rb). Conan's `name` is
 * each version's recipe (`Hello/0.1@user/channel`), so a Conan name is its `conan_package_name`.
 * The grouped view's name rows and the clean-up's "newest of its name" both count by this.
 */
import { displayName, type Package } from '../../gitlab/models';

/** What the versions of one name share: `type:project:name` (no project in a project's own list). */
export function nameKey(p: Package): string {
  return `${p.packageType}:${p.projectId ?? ''}:${displayName(p)}`;
}
