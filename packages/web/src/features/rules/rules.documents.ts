import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

export const RuleListFields = graphql(`
  fragment RuleListFields on Rule @_unmask {
    id
    title
    status
    effectiveAt
    reviewAt
    currentVersion
    isPublic
    adoptionCount
  }
`);

export const RulesCommunityQuery = graphql(
  `
    query RulesCommunity($slug: String!) {
      community(slug: $slug) {
        id
        slug
        myRole
        settings {
          ruleReviewNoticeDays
        }
        rules {
          ...RuleListFields
        }
      }
    }
  `,
  [RuleListFields],
);

const RuleVersionFields = graphql(`
  fragment RuleVersionFields on RuleVersion @_unmask {
    version
    title
    previousTitle
    body
    bodyDiff {
      kind
      text
    }
    changeNote
    createdAt
    createdBy {
      id
      displayName
    }
    effectiveAt
    reviewAt
  }
`);

/** A rule whole: its versions (oldest first) with their differences, where it came from, and who may change it. */
export const RulePageQuery = graphql(
  `
    query RulePage($id: ID!) {
      rule(id: $id) {
        ...RuleListFields
        body
        canManage
        retiredAt
        retireReason
        community {
          id
          slug
          name
          nameEn
          settings {
            ruleReviewNoticeDays
          }
        }
        sourceDecision {
          id
          concern {
            id
            title
          }
        }
        adoptedFrom {
          adoptedAt
          sourceVersion
          adoptedBy {
            id
            displayName
          }
          sourceRule {
            id
            title
            community {
              id
              slug
              name
              nameEn
            }
          }
        }
        versions {
          ...RuleVersionFields
        }
      }
    }
  `,
  [RuleListFields, RuleVersionFields],
);

/** The practice library: rules in force that public communities share. */
export const PracticeLibraryQuery = graphql(
  `
    query PracticeLibrary($search: String, $first: Int!, $after: String) {
      practiceLibrary(search: $search, first: $first, after: $after) {
        edges {
          node {
            ...RuleListFields
            body
            fromMyCommunity
            community {
              id
              slug
              name
              nameEn
              kind
            }
            adoptedFrom {
              sourceRule {
                id
                title
                community {
                  id
                  slug
                  name
                  nameEn
                }
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [RuleListFields],
);

/** The communities the viewer may adopt rules into: where they are a cadre or an admin. */
export const MyCommunitiesQuery = graphql(`
  query MyRuleCommunities {
    me {
      memberships {
        id
        role
        status
        community {
          id
          slug
          name
          nameEn
        }
      }
    }
  }
`);

const RuleResultFields = graphql(
  `
    fragment RuleResultFields on Rule @_unmask {
      ...RuleListFields
      body
      canManage
      retiredAt
      retireReason
      versions {
        ...RuleVersionFields
      }
    }
  `,
  [RuleListFields, RuleVersionFields],
);

export const AmendRuleMutation = graphql(
  `
    mutation AmendRule($ruleId: ID!, $input: AmendRuleInput!) {
      amendRule(ruleId: $ruleId, input: $input) {
        __typename
        ... on AmendRuleSuccess {
          data {
            ...RuleResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [RuleResultFields, MutationErrorFields],
);

export const PublishRuleMutation = graphql(
  `
    mutation PublishRule($ruleId: ID!) {
      publishRule(ruleId: $ruleId) {
        __typename
        ... on PublishRuleSuccess {
          data {
            ...RuleResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [RuleResultFields, MutationErrorFields],
);

export const RetireRuleMutation = graphql(
  `
    mutation RetireRule($ruleId: ID!, $reason: String!) {
      retireRule(ruleId: $ruleId, reason: $reason) {
        __typename
        ... on RetireRuleSuccess {
          data {
            ...RuleResultFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [RuleResultFields, MutationErrorFields],
);

export const AdoptRuleMutation = graphql(
  `
    mutation AdoptRule($ruleId: ID!, $communityId: ID!) {
      adoptRule(ruleId: $ruleId, communityId: $communityId) {
        __typename
        ... on AdoptRuleSuccess {
          data {
            id
            title
            community {
              id
              slug
            }
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

export const DraftRuleMutation = graphql(
  `
    mutation DraftRule($decisionId: ID!, $input: DraftRuleInput!) {
      draftRule(decisionId: $decisionId, input: $input) {
        __typename
        ... on DraftRuleSuccess {
          data {
            id
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);
