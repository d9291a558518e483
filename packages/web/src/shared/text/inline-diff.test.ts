import { describe, expect, it } from 'vitest';
import { inlineDiff, tokenize } from './inline-diff.ts';

const show = (before: string, after: string) =>
  inlineDiff(before, after)
    .map((part) => (part.kind === 'same' ? part.text : part.kind === 'added' ? `[+${part.text}]` : `[-${part.text}]`))
    .join('');

describe('inlineDiff', () => {
  it('splits Chinese into characters and other text into words', () => {
    expect(tokenize('押金500元 is paid.')).toEqual(['押', '金', '500', '元', ' ', 'is', ' ', 'paid', '.']);
  });

  it('marks the characters added to a Chinese sentence', () => {
    expect(show('全额退还。', '于验收合格后7日内全额退还。')).toBe('[+于验收合格后7日内]全额退还。');
  });

  it('shows a replaced word as removed then added, never the other way round', () => {
    expect(show('二、居民凭停车证停放', '二、村民凭停车证停放')).toBe('二、[-居][+村]民凭停车证停放');
    expect(show('open to registered residents', 'open to villagers')).toBe('open to [-registered residents][+villagers]');
  });

  it('keeps every character of both texts, in order', () => {
    const before = '一、区税务所门前30个车位在工作日19:00至次日7:30开放。';
    const after = '一、村委会大院停车场在工作日18:00至次日7:30向本村村民开放。';
    const parts = inlineDiff(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  it('handles empty sides and identical text', () => {
    expect(inlineDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(inlineDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
    expect(inlineDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('falls back to whole texts when they are too long to compare on a phone', () => {
    const long = 'a '.repeat(600);
    expect(inlineDiff(long, long + 'b ')).toEqual([
      { kind: 'removed', text: long },
      { kind: 'added', text: long + 'b ' },
    ]);
  });
});
