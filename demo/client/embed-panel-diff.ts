// Which lines of a regenerated code block are new: the lines outside the longest common
// subsequence of the old and new text (what a diff marks as added). Pure.
export function changedLines(before: string, after: string): boolean[] {
  const old = before.split('\n');
  const next = after.split('\n');
  // common[i][j]: length of the longest common subsequence of old[i..] and next[j..].
  const common = Array.from({length: old.length + 1}, () => new Array<number>(next.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      const row = common[i]!; // i, j and i + 1, j + 1 are in range
      const below = common[i + 1]!;
      row[j] = old[i] === next[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  const changed = new Array<boolean>(next.length).fill(true);
  for (let i = 0, j = 0; i < old.length && j < next.length;) {
    if (old[i] === next[j]) {
      changed[j] = false;
      i++;
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) i++;
    else j++;
  }
  return changed;
}
