// Content script: runs in every frame of the preset site (and of sites the user grants, registered at run time by
// the background). Each feature is a small module with init(signal, context), torn down when the script is
// invalidated (extension updated or disabled).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PRESET_SITE } from '../../lib/settings.js';
import { start } from '../../lib/start.js';

export default defineContentScript({
  matches: [PRESET_SITE],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    await start(controller.signal);
  },
});
