import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff.js';

const render = (before: string, after: string) =>
  lineDiff(before, after).map((line) => `${line.kind === 'SAME' ? ' ' : line.kind === 'ADDED' ? '+' : '-'}${line.text}`);

describe('lineDiff', () => {
  it('keeps unchanged lines and marks a changed line as removed then added', () => {
    expect(render('铺设保护垫。\n每日清扫楼道。\n损坏照价赔偿。', '铺设保护垫。\n每日施工结束后清扫楼道。\n损坏照价赔偿。')).toEqual([
      ' 铺设保护垫。',
      '-每日清扫楼道。',
      '+每日施工结束后清扫楼道。',
      ' 损坏照价赔偿。',
    ]);
  });

  it('finds insertions and deletions anywhere, with the fewest changes', () => {
    expect(render('a\nb\nc\nd', 'x\na\nc\nd\ne')).toEqual(['+x', ' a', '-b', ' c', ' d', '+e']);
    expect(render('', 'a\nb')).toEqual(['+a', '+b']);
    expect(render('a\nb', '')).toEqual(['-a', '-b']);
    expect(render('same', 'same')).toEqual([' same']);
  });

  it('rebuilds both texts from its lines', () => {
    const before = '第一条\n第二条\n第三条\n第四条\n第五条';
    const after = '第一条\n第三条（修订）\n第四条\n新增第六条\n第五条';
    const diff = lineDiff(before, after);
    expect(diff.filter((l) => l.kind !== 'ADDED').map((l) => l.text).join('\n')).toBe(before);
    expect(diff.filter((l) => l.kind !== 'REMOVED').map((l) => l.text).join('\n')).toBe(after);
    expect(diff.filter((l) => l.kind === 'SAME')).toHaveLength(3);
  });
});
