// The panel chunk's entry, imported by the loader by URL. Only `show` is public.
export { show } from './show-panel.ts';
