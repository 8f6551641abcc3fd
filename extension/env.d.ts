// Build-time constant set by wxt.config.ts (true only in the end-to-end test build).
declare const __IV_TEST_BUILD__: boolean;
