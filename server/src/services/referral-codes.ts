import { customAlphabet } from 'nanoid';
import { codeFromName, REFERRAL_CODE_ALPHABET } from '../../../shared/src/referral-code.ts';

const suffix4 = customAlphabet(REFERRAL_CODE_ALPHABET, 4);
const suffix8 = customAlphabet(REFERRAL_CODE_ALPHABET, 8);

/**
 * A new referral code, e.g. `ALICE7K2X`. A name with few Latin letters gets a longer random part,
 * so that every code has enough randomness to be hard to guess; later attempts after collisions
 * also get the longer part.
 */
export function newReferralCode(name: string, attempt = 0): string {
  const readable = codeFromName(name, '');
  const random = readable.length < 3 || attempt >= 2 ? suffix8() : suffix4();
  return codeFromName(name, random);
}
