import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../i18n/create-test-i18n.ts';
import { describeError, fieldIssues, isTypedError } from './describe-error.ts';

const zh = createTestI18n('zh-CN');
const en = createTestI18n('en');
const now = new Date('2026-11-28T01:30:00Z');

/** Shaped like urql's CombinedError. */
const requestError = (codes: (string | undefined)[], extra: Record<string, unknown> = {}) => ({
  graphQLErrors: codes.map((code) => ({ message: 'Some English text', extensions: code ? { code } : {} })),
  ...extra,
});

const hasLatinWords = (text: string) => /[A-Za-z]{3,}/.test(text);

describe('describeError with typed errors', () => {
  it('names the missing entity', () => {
    const error = { __typename: 'NotFoundError', entity: 'Concern' } as const;
    expect(describeError(error, zh)).toBe('没有找到这条诉求，它可能已被删除或合并。');
    expect(describeError(error, en)).toBe('We could not find this concern. It may have been deleted or merged.');
  });

  it('falls back to a general sentence for an unknown entity', () => {
    expect(describeError({ __typename: 'NotFoundError', entity: 'Spaceship' }, zh)).toBe('没有找到要找的内容，它可能已被删除。');
  });

  it('explains a forbidden reason it knows, and a general refusal otherwise', () => {
    expect(describeError({ __typename: 'ForbiddenError', reason: 'SIGN_IN_REQUIRED' }, zh)).toBe('请先登录。');
    expect(describeError({ __typename: 'ForbiddenError', reason: 'CADRE_REQUIRED' }, en)).toBe('Only community cadres can do this.');
    expect(describeError({ __typename: 'ForbiddenError', reason: 'SOMETHING_NEW' }, zh)).toBe('你没有权限做这件事。');
  });

  it('counts validation issues, in the plural form of each language', () => {
    const one = { __typename: 'ValidationError', issues: [{ path: ['input', 'title'], message: 'At least 3 characters' }] } as const;
    const two = {
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'title'], message: 'At least 3 characters' },
        { path: ['input', 'body'], message: 'Required' },
      ],
    } as const;
    expect(describeError(one, zh)).toBe('有 1 处需要修改，请看标出的地方。');
    expect(describeError(one, en)).toBe('1 thing needs changing; see the marked field.');
    expect(describeError(two, en)).toBe('2 things need changing; see the marked fields.');
  });

  it('names the state that blocks the command', () => {
    const error = { __typename: 'InvalidStateError', entity: 'VotingWindow', state: 'CLOSED', allowed: ['OPEN'] } as const;
    expect(describeError(error, zh)).toBe('现在不能这样做：这条表决目前是“已截止”。');
    expect(describeError(error, en)).toBe('This cannot be done now: the vote is "Voting closed".');
    expect(describeError({ __typename: 'InvalidStateError', entity: 'Concern', state: 'ARCHIVED' }, zh)).toBe(
      '现在不能这样做，情况可能刚刚有了变化。请刷新后再看看。',
    );
  });

  it('says when to try again after a rate limit', () => {
    const error = { __typename: 'RateLimitedError', retryAfterSeconds: 30 } as const;
    expect(describeError(error, zh, { now })).toBe('操作太频繁了，请30秒钟后再试。');
    expect(describeError(error, en, { now })).toBe('Too many attempts. Please try again in 30 seconds.');
    expect(describeError({ __typename: 'RateLimitedError', retryAfterSeconds: 120 }, en, { now })).toBe(
      'Too many attempts. Please try again in 2 minutes.',
    );
  });
});

describe('describeError with request errors', () => {
  it('maps GraphQL error codes', () => {
    expect(describeError(requestError(['FORBIDDEN']), zh)).toBe('你没有权限查看或操作这些内容。');
    expect(describeError(requestError(['QUERY_TOO_COMPLEX']), en)).toBe(
      'That asks for too much at once. Please narrow it down and try again.',
    );
    expect(describeError(requestError(['INTERNAL_SERVER_ERROR']), zh)).toBe('服务器出了点问题，我们会尽快处理。请稍后再试。');
    expect(describeError(requestError(['RATE_LIMITED']), zh)).toBe('操作太频繁了，请稍等一会儿再试。');
    expect(describeError(requestError(['CSRF'], { response: { status: 403 } }), en)).toBe('Please reload the page to continue.');
  });

  it('uses retryAfterSeconds when a RATE_LIMITED error carries it', () => {
    const error = { graphQLErrors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 10 } }] };
    expect(describeError(error, zh, { now })).toBe('操作太频繁了，请10秒钟后再试。');
  });

  it('prefers the most telling code when there are several', () => {
    expect(describeError(requestError(['INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED']), en)).toBe(
      'Your sign-in has expired. Please sign in again.',
    );
  });

  it('never shows an unknown code or the server message', () => {
    const text = describeError(requestError(['TEAPOT']), zh);
    expect(text).toBe('出了点问题，请稍后再试。');
    expect(describeError(requestError([undefined]), zh)).toBe('出了点问题，请稍后再试。');
  });

  it('tells a network failure apart, using the HTTP status when there is one', () => {
    expect(describeError(requestError([], { networkError: new Error('Failed to fetch') }), zh)).toBe(
      '连不上服务器。请检查手机网络，然后再试一次。',
    );
    expect(describeError(requestError([], { networkError: new Error('x'), response: { status: 429 } }), en)).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
    expect(describeError(requestError([], { networkError: new Error('x'), response: { status: 503 } }), en)).toBe(
      'The server had a problem. Please try again later.',
    );
  });

  it('answers anything else with the general sentence', () => {
    expect(describeError(new TypeError('x is undefined'), zh)).toBe('出了点问题，请稍后再试。');
    expect(describeError(undefined, en)).toBe('Something went wrong. Please try again later.');
  });

  it('has no English words in any Chinese sentence', () => {
    const samples: unknown[] = [
      { __typename: 'NotFoundError', entity: 'Concern' },
      { __typename: 'ForbiddenError', reason: 'BAD_CREDENTIALS' },
      { __typename: 'ValidationError', issues: [{ path: ['title'], message: 'Too short' }] },
      { __typename: 'InvalidStateError', entity: 'Concern', state: 'MERGED' },
      { __typename: 'RateLimitedError', retryAfterSeconds: 5 },
      ...['UNAUTHENTICATED', 'FORBIDDEN', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED', 'BAD_USER_INPUT', 'CSRF', 'GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'].map(
        (code) => requestError([code]),
      ),
    ];
    for (const sample of samples) expect(hasLatinWords(describeError(sample, zh, { now })), JSON.stringify(sample)).toBe(false);
  });
});

describe('isTypedError', () => {
  it('tells typed errors from success payloads', () => {
    expect(isTypedError({ __typename: 'ForbiddenError', reason: 'X' })).toBe(true);
    expect(isTypedError({ __typename: 'SecondConcernSuccess', data: {} })).toBe(false);
    expect(isTypedError(null)).toBe(false);
  });
});

describe('fieldIssues', () => {
  const error = {
    __typename: 'ValidationError',
    issues: [
      { path: ['input', 'title'], message: 'At least 3 characters' },
      { path: ['input', 'title'], message: 'Letters only' },
      { path: ['input', 'body'], message: 'Required' },
    ],
  } as const;

  it('keys issues by field, first issue wins', () => {
    expect(fieldIssues(error, en)).toEqual({ title: 'At least 3 characters', body: 'Required' });
  });

  it('gives Chinese readers a Chinese prompt instead of the English server text', () => {
    expect(fieldIssues(error, zh)).toEqual({ title: '这一项需要修改，请再检查一下。', body: '这一项需要修改，请再检查一下。' });
  });

  it('is empty for anything but a validation error', () => {
    expect(fieldIssues({ __typename: 'ForbiddenError', reason: 'X' }, en)).toEqual({});
  });
});
