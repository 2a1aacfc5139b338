declare const __SARAFAN_PANEL_FILE__: string | undefined;

/**
 * The content-hashed file name of the panel chunk, injected by widget/build.ts. Tests run the
 * loader from source, where nothing is injected and the panel is imported another way.
 */
export const PANEL_FILE = typeof __SARAFAN_PANEL_FILE__ == 'string' ? __SARAFAN_PANEL_FILE__ : 'panel.js';
