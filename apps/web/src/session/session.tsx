import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { refreshAccessToken, setAccessToken } from '../api/access-token';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';

export type Me = Schemas['SelfResponse'];

interface Session {
  state: 'restoring' | 'signed-out' | 'signed-in';
  me: Me | null;
  idleTimeoutMinutes: number;
  /** Called with the body of a completed browser login. */
  signedIn(session: { accessToken: string; idleTimeoutMinutes: number }): Promise<void>;
  reloadMe(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who is signed in. On load it tries the refresh cookie (a reload keeps the session without
 * storing any token in the page); signing out ends the server session, clears the cookie and
 * empties the query cache so no case content stays in memory.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<Session['state']>('restoring');
  const [me, setMe] = useState<Me | null>(null);
  const [idleTimeoutMinutes, setIdleTimeoutMinutes] = useState(30);

  const reloadMe = useCallback(async () => {
    setMe(await must(api.GET('/auth/me')));
    setState('signed-in');
  }, []);

  useEffect(() => {
    void (async () => {
      if (await refreshAccessToken()) await reloadMe().catch(() => setState('signed-out'));
      else setState('signed-out');
    })();
  }, [reloadMe]);

  const signedIn = useCallback(
    async (session: { accessToken: string; idleTimeoutMinutes: number }) => {
      setAccessToken(session.accessToken);
      setIdleTimeoutMinutes(session.idleTimeoutMinutes);
      await reloadMe();
    },
    [reloadMe],
  );

  const signOut = useCallback(async () => {
    await api.POST('/auth/browser/logout').catch(() => undefined);
    setAccessToken(null);
    queryClient.clear();
    setMe(null);
    setState('signed-out');
  }, [queryClient]);

  const value = useMemo(
    () => ({ state, me, idleTimeoutMinutes, signedIn, reloadMe, signOut }),
    [state, me, idleTimeoutMinutes, signedIn, reloadMe, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export function can(me: Me | null, permission: string): boolean {
  return Boolean(me?.permissions.includes(permission));
}
