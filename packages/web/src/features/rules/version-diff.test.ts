import { describe, expect, it } from 'vitest';
import { diffRows } from './version-diff.ts';

describe('diffRows', () => {
  it('shows a rewritten line once, with what changed inside it', () => {
    const rows = diffRows([
      { kind: 'SAME', text: '一、铺设保护垫。' },
      { kind: 'REMOVED', text: '二、无损坏的全额退还。' },
      { kind: 'ADDED', text: '二、无损坏的，于验收合格后7日内全额退还。' },
      { kind: 'SAME', text: '三、损坏的由装修户修复。' },
    ]);
    expect(rows).toEqual([
      { kind: 'same', text: '一、铺设保护垫。' },
      {
        kind: 'changed',
        parts: [
          { kind: 'same', text: '二、无损坏的' },
          { kind: 'added', text: '，于验收合格后7日内' },
          { kind: 'same', text: '全额退还。' },
        ],
      },
      { kind: 'same', text: '三、损坏的由装修户修复。' },
    ]);
  });

  it('keeps lines only added or only removed as whole lines', () => {
    expect(
      diffRows([
        { kind: 'REMOVED', text: 'old 1' },
        { kind: 'REMOVED', text: 'old 2' },
        { kind: 'ADDED', text: 'new 1' },
        { kind: 'SAME', text: 'kept' },
        { kind: 'ADDED', text: 'appended' },
      ]),
    ).toEqual([
      {
        kind: 'changed',
        parts: [
          { kind: 'removed', text: 'old' },
          { kind: 'added', text: 'new' },
          { kind: 'same', text: ' 1' },
        ],
      },
      { kind: 'removed', text: 'old 2' },
      { kind: 'same', text: 'kept' },
      { kind: 'added', text: 'appended' },
    ]);
  });
});
