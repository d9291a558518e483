// The schema change guard: third parties build on the released API, so a change that breaks them (a
// removed field, a narrowed type, a new required argument…) must be announced. Every breaking change
// between the last release's SDL (packages/schema/schema.released.graphql) and the current one must be
// named on a "BREAKING" line under "## Unreleased" in CHANGELOG.md. `pnpm schema:check` runs it.
import { buildSchema, findBreakingChanges, findDangerousChanges, type BreakingChange, type DangerousChange } from 'graphql';

export interface GuardResult {
  breaking: (BreakingChange & { coordinate: string })[];
  /** Breaking changes no BREAKING line of the Unreleased section names. */
  unlisted: (BreakingChange & { coordinate: string })[];
  dangerous: DangerousChange[];
}

/**
 * The schema coordinate a change is about, as a changelog names it: `Type.field` for a field or an
 * argument, `Enum.VALUE` for an enum value, `Input.field` for an input field, else the type's name.
 */
export function coordinateOf(change: BreakingChange): string {
  const { description } = change;
  const enumValue = description.match(/^(\w+) was removed from enum type (\w+)\./);
  if (enumValue) return `${enumValue[2]}.${enumValue[1]}`;
  const inputField = description.match(/field (\w+) on input type (\w+)/);
  if (inputField) return `${inputField[2]}.${inputField[1]}`;
  const unionMember = description.match(/was removed from union type (\w+)\./);
  if (unionMember) return unionMember[1]!;
  const field = description.match(/\b([A-Za-z_]\w*\.[A-Za-z_]\w*)\b/);
  if (field) return field[1]!;
  return description.match(/^(?:Standard scalar )?@?(\w+)/)?.[1] ?? description;
}

/** The lines of CHANGELOG.md's "## Unreleased" section. */
export function unreleasedSection(changelog: string): string[] {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+\[?Unreleased\]?\s*$/i.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function guardSchemaChanges(releasedSdl: string, currentSdl: string, changelog: string): GuardResult {
  const released = buildSchema(releasedSdl);
  const current = buildSchema(currentSdl);
  const breaking = findBreakingChanges(released, current).map((change) => ({ ...change, coordinate: coordinateOf(change) }));
  const notes = unreleasedSection(changelog).filter((line) => /\bBREAKING\b/.test(line));
  const unlisted = breaking.filter(({ coordinate }) => {
    // The whole coordinate, not a longer name that starts with it (Query.concern is not Query.concerns).
    const named = new RegExp(`(^|[^\\w.])${escape(coordinate)}(?![\\w])`);
    return !notes.some((line) => named.test(line));
  });
  return { breaking, unlisted, dangerous: findDangerousChanges(released, current) };
}

/** What `pnpm schema:check` prints; an empty `problems` list passes. */
export function guardReport(result: GuardResult): { problems: string[]; notes: string[] } {
  return {
    problems: result.unlisted.map(
      (change) => `Breaking change not in CHANGELOG.md (add "- BREAKING: ${change.coordinate} …" under "## Unreleased"): ${change.description}`,
    ),
    notes: [
      ...result.breaking.filter((change) => !result.unlisted.includes(change)).map((change) => `Announced breaking change: ${change.description}`),
      ...result.dangerous.map((change) => `Dangerous change (check clients): ${change.description}`),
    ],
  };
}
