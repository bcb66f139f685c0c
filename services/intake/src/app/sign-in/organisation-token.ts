import { type Claims, signToken } from '@koppel/auth';
import type { StoredOrganisation } from '../../store/models';

/** A bearer token for someone (`sub`) acting for an organisation: its role, and a broker's regions. */
export function organisationToken(
  secret: string,
  organisation: Pick<StoredOrganisation, '_id' | 'data'>,
  sub: string,
  ttlSeconds: number,
): { token: string; claims: Claims } {
  return signToken(secret, {
    sub,
    role: organisation.data.role,
    org: organisation._id,
    regions: organisation.data.role === 'broker' ? organisation.data.regions : undefined,
    ttlSeconds,
  });
}
