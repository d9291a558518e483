import { graphql } from '../api/graphql.ts';

/** What MilestoneList shows of a step. */
export const MilestoneFields = graphql(`
  fragment MilestoneFields on Milestone @_unmask {
    id
    title
    weight
    position
    done
    doneAt
  }
`);

/** What ProgressUpdateList shows of a progress report. */
export const ProgressUpdateFields = graphql(`
  fragment ProgressUpdateFields on ProgressUpdate @_unmask {
    id
    body
    createdAt
    author {
      id
      displayName
    }
    photos {
      url
    }
  }
`);
