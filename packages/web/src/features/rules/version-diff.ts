// A version's line diff from the server (RuleVersion.bodyDiff), made readable: a line that was
// rewritten shows once, with the words taken out and put in marked inside it, instead of as a whole
// removed line followed by a whole added one.
import { inlineDiff, type InlinePart } from '../../shared/text/inline-diff.ts';

export interface DiffLine {
  kind: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}

export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'changed'; parts: InlinePart[] };

export function diffRows(lines: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let k = 0; k < lines.length; ) {
    if (lines[k]!.kind === 'SAME') {
      rows.push({ kind: 'same', text: lines[k++]!.text });
      continue;
    }
    // A block of changes: the server puts the removed lines before the lines that replace them.
    const removed: string[] = [];
    const added: string[] = [];
    while (k < lines.length && lines[k]!.kind === 'REMOVED') removed.push(lines[k++]!.text);
    while (k < lines.length && lines[k]!.kind === 'ADDED') added.push(lines[k++]!.text);
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) rows.push({ kind: 'changed', parts: inlineDiff(removed[i]!, added[i]!) });
    for (const text of removed.slice(paired)) rows.push({ kind: 'removed', text });
    for (const text of added.slice(paired)) rows.push({ kind: 'added', text });
  }
  return rows;
}
