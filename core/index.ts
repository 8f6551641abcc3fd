// Public API of the core: the catalogue, the detector, plan analysis and text blocks. No DOM, no I/O.
export * from './catalog/index.js';
export * from './detect/index.js';
export * from './analysis.js';
export * from './blocks.js';
export * from './report.js';
export { splitSentences, leadSentences, escapeHtml } from './text.js';
export type * from './types.js';
