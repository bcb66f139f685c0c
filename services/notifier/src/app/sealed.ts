import { openSealed } from '@koppel/auth';
import { type SignInContact, SignInContactSchema } from '@koppel/contracts';
import { PermanentError } from '@koppel/messaging';

/**
 * Opens what intake sealed under SIGNIN_LINK_KEY (a sign-in or sign-up link, a contact);
 * `what` names it in the error. A key that does not fit can never fit: permanent.
 */
export function openedWithLinkKey(sealed: string, key: string, what: string): string {
  try {
    return openSealed(sealed, key);
  } catch (error) {
    throw new PermanentError(`the ${what} cannot be opened with SIGNIN_LINK_KEY (is it the same as intake's?)`, { cause: error });
  }
}

/** Who a mail goes to: the JSON of {email, name?} intake sealed; anything else is permanent. */
export function openedContact(sealedContact: string, key: string, what: string): SignInContact {
  const parsed = SignInContactSchema.safeParse(JSON.parse(openedWithLinkKey(sealedContact, key, `${what} contact`)));
  if (!parsed.success) throw new PermanentError(`the sealed ${what} contact is not an address and a name`);
  return parsed.data;
}
