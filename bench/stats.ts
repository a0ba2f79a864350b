// Statistics shared by the benchmarks; browser-safe (the validation bench runs it in Chromium too).

/** The median of `xs` (left unchanged). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
