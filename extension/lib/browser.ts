// The WebExtension API through WXT's `browser`, with the one call whose type WXT only generates in .wxt/ (getURL),
// so that `tsc` type-checks without `wxt prepare`.
import { browser } from 'wxt/browser';

export { browser };

export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(p: string): string }).getURL(path);
}

export const isTestBuild = (): boolean => typeof __IV_TEST_BUILD__ !== 'undefined' && __IV_TEST_BUILD__;
