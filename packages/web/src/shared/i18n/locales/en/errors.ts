import type { Messages } from '../../catalogue.ts';
import type { errors as source } from '../zh-CN/errors.ts';

export const errors: Messages<typeof source> = {
  generic: 'Something went wrong. Please try again later.',
  network: 'Cannot reach the server. Please check your connection and try again.',
  notFound: {
    generic: 'We could not find this. It may have been deleted.',
    entity: 'We could not find this {{entity}}. It may have been deleted or merged.',
  },
  forbidden: {
    generic: 'You are not allowed to do this.',
    reason: {
      SIGN_IN_REQUIRED: 'Please sign in first.',
      BAD_CREDENTIALS: 'The login or password is wrong. Please try again.',
      NOT_A_MEMBER: 'Only members of this community can do this.',
      CADRE_REQUIRED: 'Only community cadres can do this.',
      ADMIN_REQUIRED: 'Only community admins can do this.',
      MEMBERSHIP_SUSPENDED: 'Your membership of this community is suspended.',
    },
  },
  validation: {
    summary_one: '{{count}} thing needs changing; see the marked field.',
    summary_other: '{{count}} things need changing; see the marked fields.',
    field: 'Please check this field.',
  },
  invalidState: {
    generic: 'This cannot be done now; things may have just changed. Please reload and look again.',
    withState: 'This cannot be done now: the {{entity}} is "{{state}}".',
  },
  rateLimited: {
    retryAfter: 'Too many attempts. Please try again {{relative}}.',
    generic: 'Too many attempts. Please wait a moment and try again.',
  },
  code: {
    UNAUTHENTICATED: 'Your sign-in has expired. Please sign in again.',
    FORBIDDEN: 'You are not allowed to see or change this.',
    QUERY_TOO_COMPLEX: 'That asks for too much at once. Please narrow it down and try again.',
    RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
    BAD_USER_INPUT: 'Something entered is not valid. Please check and try again.',
    CSRF: 'Please reload the page to continue.',
    GRAPHQL_VALIDATION_FAILED: 'This page is out of date. Please reload it.',
    INTERNAL_SERVER_ERROR: 'The server had a problem. Please try again later.',
  },
};
