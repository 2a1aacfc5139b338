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
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    // Measured at once as well: the observer reports only at the next frame, and until then a
    // table that already scrolls would be out of keyboard reach.
    measure();
    const observer = new ResizeObserver(measure);
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
