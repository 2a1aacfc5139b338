import { Component, createRef, type ComponentChildren } from 'preact';
import type { Messages } from '../messages.ts';

interface Props {
  t: Messages;
  onClose: () => void;
  children: ComponentChildren;
}

const FOCUSABLE = 'button,[href],input,[tabindex]:not([tabindex="-1"])';

/**
 * A modal over the shop's page: labelled by the panel's heading, focus moved in and kept in,
 * closed by Escape, the close button or a click on the backdrop. Returning focus is the
 * caller's job, because only it knows when the dialog is really gone. (A class component, like
 * CopyButton, to keep hooks out of the bundle.)
 */
export class PanelDialog extends Component<Props> {
  private dialog = createRef<HTMLDivElement>();
  private closeButton = createRef<HTMLButtonElement>();

  // On the document, so Escape works wherever focus ended up (keydown leaves the shadow root).
  private closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Handled: the friend offer card leaves Escape to the dialog.
      event.preventDefault();
      event.stopPropagation();
      this.props.onClose();
    }
  };

  private keepFocusInside = (event: KeyboardEvent) => {
    const box = this.dialog.current;
    if (event.key !== 'Tab' || !box) return;
    const focusable = box.querySelectorAll<HTMLElement>(FOCUSABLE);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = (box.getRootNode() as ShadowRoot).activeElement;
    if (event.shiftKey ? active === first || active === box : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  };

  override componentDidMount() {
    this.closeButton.current?.focus();
    document.addEventListener('keydown', this.closeOnEscape);
  }

  override componentWillUnmount() {
    document.removeEventListener('keydown', this.closeOnEscape);
  }

  override render({ t, onClose, children }: Props) {
    return (
      <div class="overlay" onClick={(event) => event.target === event.currentTarget && onClose()}>
        <div
          ref={this.dialog}
          class="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="sarafan-title"
          tabIndex={-1}
          data-testid="sarafan-dialog"
          onKeyDown={this.keepFocusInside}
        >
          {children}
          <button type="button" ref={this.closeButton} class="close" data-testid="sarafan-close" aria-label={t.close} onClick={onClose}>
            ×
          </button>
        </div>
      </div>
    );
  }
}
