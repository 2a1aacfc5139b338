/**
 * The name shown for an ambassador who never gave one: the local part of the email, capitalised
 * ("alice.smith@example.com" → "Alice.smith"). Friends see it in "Alice gives you 10% off".
 */
export function nameFromEmail(email: string): string {
  const local = email.trim().split('@')[0] ?? '';
  const base = local.split('+')[0] || local || 'Friend';
  return base.charAt(0).toUpperCase() + base.slice(1);
}

export function displayName(ambassador: { name: string | null; email: string }): string {
  return ambassador.name?.trim() || nameFromEmail(ambassador.email);
}
