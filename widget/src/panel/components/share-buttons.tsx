import { Component, type FunctionComponent } from 'preact';
import type { AmbassadorView, WidgetPlacement } from '../../../../shared/src/wire.ts';
import { warn } from '../../warn.ts';
import { reportShare } from '../events.ts';
import { offerText } from '../format.ts';
import { fill, type Messages } from '../messages.ts';
import { shareLinks, type LinkChannel } from '../share-links.ts';
import type { QrCode } from './qr-code.tsx';

export interface ShareProps {
  ambassador: AmbassadorView;
  programName: string;
  t: Messages;
  /** Where the panel is, for the share events. */
  placement?: WidgetPlacement | undefined;
  /** What to share instead of the ambassador's short link (the product page's own address). */
  link?: string;
}

interface State {
  qr?: FunctionComponent<Parameters<typeof QrCode>[0]>;
  qrOpen?: boolean;
}

/** Brand names stay as they are in every language; the rest are texts. */
const NAMES: Record<LinkChannel, string | undefined> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  x: 'X',
  facebook: 'Facebook',
  email: undefined,
  sms: undefined,
};

/**
 * Every way to pass the link on: the system share sheet (where the browser has one), the
 * messengers and networks, e-mail and SMS drafts, and a QR code. Each share is reported to the
 * tracking server. A lazily loaded chunk of its own, fetched with the session when the visitor
 * may be an ambassador; the QR encoder is a chunk further, fetched on first use.
 */
export class ShareButtons extends Component<ShareProps, State> {
  private report = (channel: Parameters<typeof reportShare>[0]) =>
    reportShare(channel, this.props.placement, this.props.ambassador.code);

  private toggleQr = () => {
    if (this.state.qr) return this.setState({ qrOpen: !this.state.qrOpen });
    import('./qr-code.tsx').then(({ QrCode }) => {
      this.setState({ qr: QrCode, qrOpen: true });
      this.report('qr');
    }, warn);
  };

  override render({ ambassador, programName, t, link = ambassador.link }: ShareProps, { qr: Qr, qrOpen }: State) {
    const say = (text: string) => fill(offerText(text, ambassador.offer.discount, t.lang), { program: programName });
    const title = say(t.shareTitle);
    const text = say(t.shareText);
    const links = shareLinks(link, title, text);
    return (
      <>
        <div class="row share">
          {typeof navigator.share === 'function' && (
            <button
              type="button"
              class="secondary"
              data-testid="sarafan-share-native"
              // The link goes into the text too: some share targets keep only the text.
              // Cancelling the share sheet rejects; that is neither a share nor an error.
              onClick={() =>
                void navigator.share({ title, text: text + ' ' + link, url: link }).then(() => this.report('native'), () => {})
              }
            >
              {t.shareNative}
            </button>
          )}
          {(Object.keys(links) as LinkChannel[]).map((channel) => {
            const web = links[channel].startsWith('https:');
            return (
              <a
                key={channel}
                class="button secondary"
                data-testid={`sarafan-share-${channel}`}
                href={links[channel]}
                target={web ? '_blank' : undefined}
                rel={web ? 'noopener noreferrer' : undefined}
                onClick={() => this.report(channel)}
              >
                {NAMES[channel] ?? (channel == 'email' ? t.shareEmail : t.shareSms)}
              </a>
            );
          })}
          <button type="button" class="secondary" data-testid="sarafan-share-qr" aria-expanded={!!qrOpen} onClick={this.toggleQr}>
            {t.shareQr}
          </button>
        </div>
        {Qr && qrOpen && <Qr link={link} code={ambassador.code} t={t} />}
      </>
    );
  }
}
