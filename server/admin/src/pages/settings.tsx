import { AttributionSettingsForm } from './settings-attribution.tsx';
import { JoinPolicySettings } from './settings-joining.tsx';
import { OriginSettings } from './settings-origins.tsx';
import { RulesSettings } from './settings-rules.tsx';
import { WebhookSettings } from './settings-webhooks.tsx';
import { WidgetSettingsForm } from './settings-widget.tsx';

export function SettingsPage() {
  return (
    <>
      <h1>Program settings</h1>
      <RulesSettings />
      <AttributionSettingsForm />
      <JoinPolicySettings />
      <OriginSettings />
      <WidgetSettingsForm />
      <WebhookSettings />
    </>
  );
}
