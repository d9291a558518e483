import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../shared/i18n/create-test-i18n.ts';
import { notificationLink, notificationMessage } from './messages.ts';

const zh = createTestI18n('zh-CN');
const en = createTestI18n('en');
const community = { slug: 'xinhua-lane' };

describe('notification messages', () => {
  it('words each kind with its title, in both languages', () => {
    const answered = { kind: 'CONCERN_ACKNOWLEDGED', params: { concernId: 8, title: '东门人行道坑洼' }, subject: 'concern:8', community };
    expect(notificationMessage(answered, zh)).toBe('你反映的“东门人行道坑洼”已有回应');
    expect(notificationMessage(answered, en)).toBe('Your concern "东门人行道坑洼" has been answered');
  });

  it('shows action progress as a percentage', () => {
    const progress = { kind: 'ACTION_PROGRESS', params: { title: 'Parcels', progress: 62.5 }, subject: 'concern:1', community };
    expect(notificationMessage(progress, en)).toBe('There is progress on "Parcels": 63% done');
  });

  it('falls back to a general sentence for a kind it does not know', () => {
    expect(notificationMessage({ kind: 'SOMETHING_NEW', params: {}, subject: 'x:1' }, zh)).toBe('你有一条新通知');
  });

  it('links to the subject inside its community', () => {
    expect(notificationLink({ kind: 'X', params: {}, subject: 'concern:12', community })).toBe('/c/xinhua-lane/concerns/Q29uY2VybjoxMg%3D%3D');
    expect(notificationLink({ kind: 'X', params: {}, subject: 'rule:3', community })).toBe('/c/xinhua-lane/rules');
    expect(notificationLink({ kind: 'X', params: {}, subject: 'concern:12', community: null })).toBeNull();
  });
});
