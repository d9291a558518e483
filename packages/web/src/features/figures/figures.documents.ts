import { graphql } from '../../shared/api/graphql.ts';
import { MutationErrorFields } from '../../shared/api/mutation-result.ts';

export const FigureSetFields = graphql(`
  fragment FigureSetFields on FigureSet @_unmask {
    reported
    responded
    respondedOnTime
    resolved
    ratings
    satisfied
    basicallySatisfied
    participants
    electorate
    sessions
    responseRate
    onTimeResponseRate
    resolutionRate
    satisfactionRate
    participationRate
    medianHoursToRespond
    medianHoursToResolve
  }
`);

/** A community's key figures for the last twelve months: in total, by month and by category. */
export const CommunityFiguresQuery = graphql(
  `
    query CommunityFigures($slug: String!) {
      community(slug: $slug) {
        id
        slug
        myRole
        figures {
          __typename
          ... on CommunityFiguresSuccess {
            data {
              from
              to
              timezone
              totals {
                ...FigureSetFields
              }
              byMonth {
                month
                figures {
                  reported
                  responseRate
                  resolutionRate
                  satisfactionRate
                }
              }
              byCategory {
                category {
                  id
                  key
                  name
                  nameEn
                }
                figures {
                  reported
                  responseRate
                  resolutionRate
                  satisfactionRate
                }
              }
              sessions {
                sessionId
                title
                startedAt
                participants
                electorate
                participationRate
              }
            }
          }
          ...MutationErrorFields
        }
      }
    }
  `,
  [FigureSetFields, MutationErrorFields],
);
