import type { ShareProps } from './share-buttons.tsx';

let shareModule: typeof import('./share-buttons.tsx') | undefined;

/**
 * The share buttons are a chunk of their own (the panel's entry has no room for a dozen
 * channels). `show` fetches it with the session, so panels render with their buttons at once,
 * without a second layout change. If it cannot be fetched, the panel still has its copy buttons.
 */
export function loadShare(): Promise<unknown> {
  return import('./share-buttons.tsx').then((module) => (shareModule = module));
}

export function LazyShare(props: ShareProps) {
  const Share = shareModule?.ShareButtons;
  return Share ? <Share {...props} /> : null;
}
