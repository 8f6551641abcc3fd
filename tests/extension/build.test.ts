// The built extension: minimal release manifests for Chrome and Firefox, the test build's extra origin, and
// web-ext lint on the Firefox build with no errors. Needs `npm run build:ext` (npm test builds first).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './e2e-helpers.js';

const manifest = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, 'manifest.json'), 'utf8'));

describe('extension build', () => {
  it('release manifests ask for as little as the features need', () => {
    for (const dir of ['dist/extension/chrome-mv3', 'dist/extension/firefox-mv3']) {
      const m = manifest(dir);
      expect(m.manifest_version).toBe(3);
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.optional_host_permissions).toEqual(['<all_urls>']);
      expect(m.permissions.filter((p: string) => !['storage', 'scripting', 'activeTab', 'sidePanel'].includes(p))).toEqual([]);
      expect(m.content_scripts[0].matches).toEqual(['https://driftsstoette.lbf.dk/*']);
      expect(m.content_scripts[0].all_frames).toBe(true);
      expect(m.content_scripts[0].match_about_blank).toBe(true);
      expect(m.content_security_policy).toBeUndefined();
    }
    const firefox = manifest('dist/extension/firefox-mv3');
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest('dist/extension/chrome-mv3').side_panel.default_path).toBe('sidepanel.html');
  });

  it('the test build also grants 127.0.0.1 up front', () => {
    const m = manifest('dist/extension-test/chrome-mv3');
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*']);
    expect(m.content_scripts[0].matches).toContain('http://127.0.0.1/*');
  });

  it('web-ext lint finds no errors in the Firefox build', () => {
    const r = spawnSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', 'dist/extension/firefox-mv3', '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
