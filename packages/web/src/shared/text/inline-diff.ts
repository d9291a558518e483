// What changed inside a line of text, for showing two versions of a rule side by side: the longest
// common subsequence of tokens. A token is one Han character (Chinese has no spaces between words), a
// run of letters or digits, a run of spaces, or one other character, so both "押金500元" and
// "deposit is returned" read as whole words. No diff library is installed, and rule lines are short.

export type InlineKind = 'same' | 'added' | 'removed';

export interface InlinePart {
  kind: InlineKind;
  text: string;
}

const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}_])+|\s+|[^\p{L}\p{N}_\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Past this many token pairs the table would be too big for a phone: show the lines whole instead. */
const MAX_CELLS = 250_000;

/** The parts of `before` and `after` in reading order: unchanged, removed (old) and added (new) runs. */
export function inlineDiff(before: string, after: string): InlinePart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) return merge([...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])]);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: InlinePart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      parts.push({ kind: 'removed', text: a[i++]! });
    } else {
      parts.push({ kind: 'added', text: b[j++]! });
    }
  }
  return merge(parts);
}

/** Joins neighbours of one kind, and puts a removed run before the added run that replaces it. */
function merge(parts: readonly InlinePart[]): InlinePart[] {
  const out: InlinePart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else if (last && last.kind === 'added' && part.kind === 'removed') {
      const beforeLast = out[out.length - 2];
      if (beforeLast?.kind === 'removed') beforeLast.text += part.text;
      else out.splice(out.length - 1, 0, { ...part });
    } else out.push({ ...part });
  }
  return out;
}
