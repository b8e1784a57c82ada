import type { AuthPolicy } from './auth/middleware';
import type { Membership, Token, User } from './store/types';

/** What middleware puts on the request context for the routes after it. */
export type AppEnv = {
  Variables: {
    requestId: string;
    authPolicy: AuthPolicy;
    user: User;
    token: Token;
    /** The caller's membership in the space named in the path (set by `requireRole`). */
    membership: Membership;
  };
};
