import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, findBreakingChanges } from 'graphql';
import { coordinateOf, guardReport, guardSchemaChanges, unreleasedSection } from './schema-guard.js';
import { changelogPath, printedSchema, releasedSdlPath } from './print-schema.js';

const released = /* GraphQL */ `
  type Query {
    concern(id: ID!): Concern
    concerns(first: Int): [Concern!]!
  }
  type Concern {
    id: ID!
    title: String!
    place: String!
    status: Status!
  }
  enum Status {
    OPEN
    CLOSED
  }
`;
const withoutPlace = released.replace('    place: String!\n', '');
const withAddition = released.replace('    place: String!\n', '    place: String!\n    address: String\n');

const changelog = (...unreleased: string[]) =>
  ['# Changelog', '', '## Unreleased', '', ...unreleased, '', '## 0.1.0 — 2026-11-28', '', '- BREAKING: `Concern.title` removed.', ''].join('\n');

describe('the schema change guard', () => {
  it('fails on a removed field the changelog does not announce', () => {
    const result = guardSchemaChanges(released, withoutPlace, changelog('- Added things.'));
    expect(result.unlisted.map((change) => change.coordinate)).toEqual(['Concern.place']);
    expect(guardReport(result).problems).toEqual([expect.stringContaining('Concern.place was removed')]);
  });

  it('passes once a BREAKING line under Unreleased names the field', () => {
    const result = guardSchemaChanges(released, withoutPlace, changelog('- BREAKING: `Concern.place` removed; read the address instead.'));
    expect(result.breaking).toHaveLength(1);
    expect(result.unlisted).toEqual([]);
    expect(guardReport(result).problems).toEqual([]);
  });

  it('counts only BREAKING lines of the Unreleased section, naming exactly that coordinate', () => {
    // A note under an old release, a line without BREAKING, a longer name: none announces Concern.place.
    const old = ['# Changelog', '## Unreleased', '', '## 0.1.0', '- BREAKING: Concern.place removed'].join('\n');
    expect(guardSchemaChanges(released, withoutPlace, old).unlisted).toHaveLength(1);
    expect(guardSchemaChanges(released, withoutPlace, changelog('- Concern.place removed')).unlisted).toHaveLength(1);
    expect(guardSchemaChanges(released, withoutPlace, changelog('- BREAKING: Concern.placeName removed')).unlisted).toHaveLength(1);
  });

  it('lets additions through without a note', () => {
    const result = guardSchemaChanges(released, withAddition, changelog());
    expect(result.breaking).toEqual([]);
    expect(guardReport(result).problems).toEqual([]);
  });

  it('names each kind of breaking change by its coordinate', () => {
    const changed = /* GraphQL */ `
      type Query {
        concerns(first: Int, communityId: ID!): [Concern!]!
      }
      type Concern {
        id: ID!
        title: String
        place: String!
        status: Status!
      }
      enum Status {
        OPEN
      }
    `;
    const coordinates = findBreakingChanges(buildSchema(released), buildSchema(changed)).map(coordinateOf).sort();
    expect(coordinates).toEqual(['Concern.title', 'Query.concern', 'Query.concerns', 'Status.CLOSED']);
  });

  it('reads the Unreleased section up to the next heading', () => {
    expect(unreleasedSection(changelog('- one', '- two')).filter(Boolean)).toEqual(['- one', '- two']);
    expect(unreleasedSection('# Changelog\n## 0.1.0\n- x')).toEqual([]);
  });

  it('passes for the committed schema, release snapshot and CHANGELOG.md', () => {
    const result = guardSchemaChanges(readFileSync(releasedSdlPath, 'utf8'), printedSchema(), readFileSync(changelogPath, 'utf8'));
    expect(guardReport(result).problems).toEqual([]);
  });
});
