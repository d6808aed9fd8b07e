/**
 * Shrinks a failing input (delta debugging, on code units): removes chunks, halving their size, for as long as the
 * input still fails, within a time budget. What a fuzz failure reports is then a short text, not 2,000 random ones.
 */
export function shrink(text: string, fails: (candidate: string) => boolean, budgetMs = 5_000): string {
  const deadline = performance.now() + budgetMs;
  let current = text;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && performance.now() < deadline) {
    let removedAny = false;
    for (let start = 0; start < current.length && performance.now() < deadline;) {
      const candidate = current.slice(0, start) + current.slice(start + chunk);
      if (candidate !== current && fails(candidate)) {
        current = candidate;
        removedAny = true;
      } else {
        start += chunk;
      }
    }
    if (!removedAny) chunk = Math.floor(chunk / 2);
  }
  return current;
}
