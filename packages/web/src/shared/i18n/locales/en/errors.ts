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
      OWN_CONCERN: 'You reported this concern yourself, so there is no need to second it.',
    },
  },
  validation: {
    summary_one: '{{count}} thing needs changing; see the marked field.',
    summary_other: '{{count}} things need changing; see the marked fields.',
    field: 'Please check this field.',
  },
  issue: {
    REQUIRED: 'Please fill this in.',
    TOO_SHORT: 'Too short: at least {{limit}} characters.',
    TOO_LONG: 'Too long: at most {{limit}} characters.',
    TOO_SMALL: 'Must be at least {{limit}}.',
    TOO_BIG: 'Must be at most {{limit}}.',
    INVALID_FORMAT: 'This is not in the right form. Please check it.',
    INVALID_VALUE: 'This choice is not valid. Please choose again.',
    INVALID: 'Please check this field.',
    TAKEN: 'This is already taken. Please choose another.',
    INVALID_INVITATION: 'This invitation code is wrong, expired or used up. Please check it with the community office.',
    WRONG_PASSWORD: 'The current password is wrong.',
    NOT_IN_FUTURE: 'Please choose a time in the future.',
    UNKNOWN_GROUP: 'Please choose a building or hamlet from the list.',
    UNKNOWN_CATEGORY: 'Please choose a category from the list.',
    SAME_CONCERN: 'A concern cannot be merged into itself.',
    UNKNOWN_CONCERN: 'There is no such concern in this community. Please search again.',
    NOT_A_CADRE: 'The owner must be a cadre of this community.',
    FILE_TOO_LARGE: 'The photo is too large: at most {{limit}} MB each.',
    FILE_TYPE: 'Only JPG, PNG or WebP photos can be uploaded.',
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
    NOT_FOUND: 'We could not find this. It may have been deleted.',
    INVALID_STATE: 'This cannot be done now; things may have just changed. Please reload and look again.',
    BAD_USER_INPUT: 'Something entered is not valid. Please check and try again.',
    CSRF: 'Please reload the page to continue.',
    GRAPHQL_VALIDATION_FAILED: 'This page is out of date. Please reload it.',
    INTERNAL_SERVER_ERROR: 'The server had a problem. Please try again later.',
  },
};
