/** "⌘" on Apple platforms, "Ctrl+" elsewhere: how shortcuts are written in tooltips. */
export function modKey(): string {
  if (typeof navigator === 'undefined') return 'Ctrl+';
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? '';
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl+';
}
