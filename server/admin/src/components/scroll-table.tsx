import type { ComponentChildren } from 'preact';

/**
 * A table in a box of its own: on a phone, a table wider than the screen scrolls sideways in it
 * instead of widening the page. The box takes keyboard focus, so that its hidden columns can be
 * scrolled into view without a pointer (WCAG 2.1.1).
 */
export function ScrollTable({ children, ...table }: { children: ComponentChildren; class?: string }) {
  return (
    <div class="table-scroll" tabindex={0}>
      <table {...table}>{children}</table>
    </div>
  );
}
