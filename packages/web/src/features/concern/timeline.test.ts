import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../shared/i18n/create-test-i18n.ts';
import { timelineSentence } from './timeline.ts';

const zh = createTestI18n('zh-CN');
const en = createTestI18n('en');
const at = '2026-11-23T07:51:35.837Z';

describe('timelineSentence', () => {
  it('says who reported, or "someone" for a hidden reporter', () => {
    expect(timelineSentence({ kind: 'concern.reported', actorName: '王秀英', at, data: {} }, zh).title).toBe('王秀英反映了这条诉求');
    expect(timelineSentence({ kind: 'concern.reported', actorName: null, at, data: {} }, en).title).toBe('Someone reported this concern');
  });

  it('quotes the answer and the reason', () => {
    const answered = timelineSentence({ kind: 'concern.acknowledged', actorName: '陈立新', at, data: { answer: '下周修好。' } }, zh);
    expect(answered).toMatchObject({ title: '陈立新回应了这条诉求', quote: '下周修好。', tone: 'success' });
    expect(timelineSentence({ kind: 'concern.declined', actorName: 'Chen', at, data: { reason: 'Not ours.' } }, en)).toMatchObject({
      title: 'Chen decided not to take this up',
      quote: 'Not ours.',
    });
  });

  it('links a merge to the other concern by its global id', () => {
    const into = timelineSentence({ kind: 'concern.merged', actorName: '陈立新', at, data: { intoConcernId: 11, intoTitle: '门锁坏了' } }, zh);
    expect(into.link).toEqual({ concernId: 'Q29uY2VybjoxMQ==', title: '门锁坏了' });
    const from = timelineSentence({ kind: 'concern.merged', actorName: 'Chen', at, data: { fromConcernId: 4, fromTitle: 'Lock', secondsCarried: 3 } }, en);
    expect(from.title).toBe('Chen merged a duplicate into it, bringing 3 seconds:');
  });

  it('names statuses and phases in the reader language', () => {
    expect(timelineSentence({ kind: 'action.status_changed', actorName: '陈立新', at, data: { from: 'PLANNED', to: 'IN_PROGRESS' } }, zh).title).toBe(
      '陈立新把办理状态改为“进行中”',
    );
    expect(timelineSentence({ kind: 'decision.recorded', actorName: null, at, data: { quorumMet: false } }, en).title).toBe(
      'The result was recorded (quorum not reached)',
    );
  });

  it('never shows an unknown kind raw', () => {
    const sentence = timelineSentence({ kind: 'concern.teleported', actorName: '陈立新', at, data: {} }, zh);
    expect(sentence.title).toBe('陈立新更新了这条诉求');
  });
});
