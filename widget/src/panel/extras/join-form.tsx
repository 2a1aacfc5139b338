import { Component } from 'preact';
import type { JoinResponse } from '../../../../shared/src/wire.ts';
import type { PanelContext } from '../../panel-context.ts';
import { writeJoinToken } from './join-token.ts';
import type { AllMessages } from './ambassador-extras.tsx';
import { postJson } from './post-json.ts';

interface Props {
  t: AllMessages;
  context: PanelContext;
  /** The panel entry's `show`, handed in: importing it would tie this chunk to the entry module
   * and make the bundler split Preact out of the entry. */
  refresh: (context: PanelContext) => Promise<void>;
}

interface State {
  error: string;
  busy: boolean;
}

/**
 * For a visitor the shop has not identified: join with an email (and a name, if they like). The
 * server answers with a join token, kept in localStorage, which shows this browser the new
 * ambassador's panel from now on; the panel is then shown again, in the same place.
 */
export class JoinForm extends Component<Props, State> {
  override state: State = { error: '', busy: false };

  submit = async (event: Event) => {
    event.preventDefault();
    const { t, context, refresh } = this.props;
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    this.setState({ busy: true, error: '' });
    const answer = await postJson(context.server, '/v1/widget/join', {
      programId: context.programId,
      visitorId: context.visitorId,
      email: field('email'),
      name: field('name') || undefined,
    });
    if (answer.status === 201) {
      writeJoinToken((answer.body as JoinResponse).joinToken);
      const root = form.getRootNode() as ShadowRoot;
      await refresh({ ...context, reason: root.host?.localName === 'sarafan-dialog' ? 'open' : 'inline' });
      // The form is gone: keyboard and screen reader users continue at their new link.
      root.querySelector<HTMLElement>('#sarafan-link')?.focus();
      return;
    }
    const code = answer.body?.error?.code;
    this.setState({
      busy: false,
      error:
        answer.status === 409 ? t.joinExists : code === 'disposable_email' ? t.joinDisposable : answer.status === 400 ? t.joinInvalid : t.joinFailed,
    });
  };

  override render({ t }: Props, { error, busy }: State) {
    return (
      <form class="join" data-testid="sarafan-join" onSubmit={this.submit}>
        <p>{t.joinLead}</p>
        <label for="sarafan-join-email">{t.emailLabel}</label>
        <input
          id="sarafan-join-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          maxLength={254}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'sarafan-join-error' : undefined}
          data-testid="sarafan-join-email"
        />
        <label for="sarafan-join-name">{t.nameLabel}</label>
        <input id="sarafan-join-name" name="name" type="text" autocomplete="name" maxLength={100} data-testid="sarafan-join-name" />
        <p id="sarafan-join-error" class="error" role="alert" data-testid="sarafan-join-error">
          {error}
        </p>
        <button type="submit" disabled={busy} data-testid="sarafan-join-submit">
          {t.join}
        </button>
      </form>
    );
  }
}
