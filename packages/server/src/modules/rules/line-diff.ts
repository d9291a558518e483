// A line diff between two versions of a rule's text: the longest common subsequence of lines, with the
// common head and tail cut off first. No diff library is installed, and rules are short.

export type DiffKind = 'SAME' | 'ADDED' | 'REMOVED';

export interface DiffLine {
  kind: DiffKind;
  text: string;
}

const linesOf = (text: string) => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
  const lcs = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      middle.push({ kind: 'SAME', text: midA[i]! });
      i++;
      j++;
    } else if (j < midB.length && (i === midA.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      middle.push({ kind: 'ADDED', text: midB[j]! });
      j++;
    } else {
      middle.push({ kind: 'REMOVED', text: midA[i]! });
      i++;
    }
  }
  // Removed lines read before the lines that replace them.
  const ordered: DiffLine[] = [];
  for (let k = 0; k < middle.length; ) {
    if (middle[k]!.kind === 'SAME') {
      ordered.push(middle[k++]!);
      continue;
    }
    const run: DiffLine[] = [];
    while (k < middle.length && middle[k]!.kind !== 'SAME') run.push(middle[k++]!);
    ordered.push(...run.filter((line) => line.kind === 'REMOVED'), ...run.filter((line) => line.kind === 'ADDED'));
  }
  const same = (text: string): DiffLine => ({ kind: 'SAME', text });
  return [...a.slice(0, head).map(same), ...ordered, ...a.slice(a.length - tail).map(same)];
}
