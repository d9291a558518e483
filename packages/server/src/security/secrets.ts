import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A new random secret: `prefix` + 32 bytes of base64url. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets (session cookies, API tokens, invitation codes) are stored only as this hash. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Short invitation codes people can type on a phone: 10 characters without look-alikes. */
export function newInvitationCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
