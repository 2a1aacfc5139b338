import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A table in a box of its own: on a phone, a table wider than the screen scrolls sideways in it
 * instead of widening the page. While it scrolls, the box takes keyboard focus, so that its hidden
 * columns can be reached without a pointer (WCAG 2.1.1); on a wide screen it is no tab stop.
 */
export function ScrollTable({ children, ...table }: { children: ComponentChildren; class?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = box.current!;
    const observer = new ResizeObserver(() => setScrolls(element.scrollWidth > element.clientWidth));
    // The box changes size with the screen, the table with its rows.
    observer.observe(element);
    observer.observe(element.firstElementChild!);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} class="table-scroll" tabindex={scrolls ? 0 : undefined}>
      <table {...table}>{children}</table>
    </div>
  );
}
