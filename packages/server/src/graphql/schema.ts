// Assembles the schema: the shared types first, then each domain module's types and root fields.
// A new module adds its one import line here.
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.schema.js';
import './errors.schema.js';
import '../modules/identity/identity.schema.js';
import '../modules/members/members.schema.js';
import '../modules/tokens/tokens.schema.js';
import '../modules/communities/communities.schema.js';
import '../modules/concerns/concerns.schema.js';
import '../modules/proposals/proposals.schema.js';
import '../modules/votes/votes.schema.js';
import '../modules/actions/actions.schema.js';
import '../modules/ratings/ratings.schema.js';
import '../modules/rules/rules.schema.js';
import '../modules/notifications/notifications.schema.js';
import '../modules/audit/audit.schema.js';
import '../modules/metrics/metrics.schema.js';
import '../modules/sessions/sessions.schema.js';
import '../modules/feeds/feeds.schema.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = lexicographicSortSchema(builder.toSchema());
