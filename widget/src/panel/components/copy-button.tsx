import { Component, createRef } from 'preact';
import { copyText } from '../clipboard.ts';
import type { Messages } from '../messages.ts';

const FEEDBACK_MS = 2000;

interface Props {
  text: string;
  label: string;
  t: Messages;
  testId: string;
  secondary?: boolean;
  /** After a successful copy (a share, when it is the referral link or code). */
  onCopied?: () => void;
}

interface State {
  result?: 'copied' | 'failed' | undefined;
}

/**
 * A button that copies `text` and says so on itself for two seconds. A class component: hooks
 * would cost the panel's size budget a kilobyte for two components.
 */
export class CopyButton extends Component<Props, State> {
  private button = createRef<HTMLButtonElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  private copy = async () => {
    const ok = await copyText(this.props.text, this.button.current);
    this.setState({ result: ok ? 'copied' : 'failed' });
    if (ok) this.props.onCopied?.();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setState({ result: undefined }), FEEDBACK_MS);
  };

  override componentWillUnmount() {
    clearTimeout(this.timer);
  }

  override render({ label, t, testId, secondary }: Props, { result }: State) {
    return (
      <button
        type="button"
        ref={this.button}
        class={secondary ? 'secondary' : undefined}
        data-testid={testId}
        aria-live="polite"
        onClick={this.copy}
      >
        {result === 'copied' ? t.copied : result === 'failed' ? t.copyFailed : label}
      </button>
    );
  }
}
