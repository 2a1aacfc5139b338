import { options, type ComponentChildren } from 'preact';

/** What goes before and after the children of a panel section. */
export type Part = () => [ComponentChildren, ComponentChildren];

/**
 * Adds the extras to the panel's sections as Preact creates them: the element whose `data-testid`
 * is a key of `parts` gets that part's nodes before and after its own children. Preact's
 * `options.vnode` hook is its documented way to extend rendering from outside; it keeps the panel
 * entry free of code for the extras (its bytes are budgeted; this chunk loads next to the session).
 */
export function installParts(parts: Record<string, Part>): void {
  const previous = options.vnode;
  options.vnode = (vnode) => {
    const props = vnode.props as Record<string, unknown> | null;
    const part = typeof vnode.type === 'string' && props ? parts[props['data-testid'] as string] : undefined;
    if (part) {
      const [before, after] = part();
      props!.children = [before, props!.children, after];
    }
    previous?.(vnode);
  };
}
