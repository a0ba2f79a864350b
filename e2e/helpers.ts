import { type ConsoleMessage, type Page } from '@playwright/test';

const CLEARED_FLAG = '__archwright_e2e_storage_cleared__';

/**
 * Starts the test from an empty design: clears localStorage for the app's origin once
 * (before any app script runs), then opens `/`. Later reloads in the same test keep
 * whatever the app saved, so persistence can be tested with `page.reload()`.
 */
export async function freshPage(page: Page, path = '/'): Promise<void> {
  await page.addInitScript((flag: string) => {
    try {
      if (window.sessionStorage.getItem(flag)) return;
      window.localStorage.clear();
      window.sessionStorage.setItem(flag, '1');
    } catch {
      // Opaque origins (about:blank, data:) have no storage: nothing to clear.
    }
  }, CLEARED_FLAG);
  await page.goto(path);
}

export interface PageErrors {
  /** Uncaught exceptions (`pageerror`) and `console.error` messages, in order. */
  readonly messages: string[];
  /** Stops recording. */
  dispose(): void;
}

/**
 * Records uncaught page exceptions and console errors from now on, so a test can end with
 * `expect(errors.messages).toEqual([])`. Messages matching an `ignore` pattern are dropped.
 */
export function collectPageErrors(page: Page, ignore: RegExp[] = []): PageErrors {
  const messages: string[] = [];
  const record = (text: string) => {
    if (!ignore.some((re) => re.test(text))) messages.push(text);
  };
  const onPageError = (error: Error) => record(`pageerror: ${error.message}`);
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location();
    record(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    messages,
    dispose() {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    },
  };
}
