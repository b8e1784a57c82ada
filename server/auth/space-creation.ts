import type { User } from '../store/types';

/**
 * Who may create spaces, a server setting (`--space-creation`): `allowed` (the default) lets the server owner and the
 * people an admin allows (`server/admin.ts users allow <user>`); `anyone` lets every signed-in user. People who join
 * by invite never need to: they work in the inviter's space.
 */
export const SPACE_CREATION = ['allowed', 'anyone'] as const;
export type SpaceCreation = (typeof SPACE_CREATION)[number];

export function canCreateSpaces(user: User, policy: SpaceCreation): boolean {
  return policy === 'anyone' || user.serverOwner || user.mayCreateSpaces;
}

/** The `403 forbidden` message for someone who may not: who may, and how an admin lets them. */
export function spaceCreationRefused(user: User): string {
  return (
    'On this server only the server owner and the people an admin allows may create spaces. ' +
    `Ask the server's admin to allow you (server/admin.ts users allow ${JSON.stringify(user.name)}), ` +
    'or join a space with an invite from its owner.'
  );
}
