/**
 * Copies text and says whether it worked. The async clipboard API needs a secure context and
 * permission; the fallback (a selected textarea and `execCommand`) still works on plain-http shops
 * and older browsers.
 */
export async function copyText(text: string, refocus?: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text, refocus);
  }
}

function copyWithSelection(text: string, refocus?: HTMLElement | null): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Fixed and invisible: no layout shift, no scroll jump.
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    // Selecting the textarea took focus away from the button (and out of a dialog).
    refocus?.focus();
  }
}
