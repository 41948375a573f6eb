import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { components } from '@/api/generated/schema';
import { api, call } from './api';
import { cancelRefresh, refreshSession, scheduleRefresh } from './session';
import { tokenStore } from './token';

export type Me = components['schemas']['MeDto'];
export type Role = Me['role'];

interface AuthState {
  /** undefined while the saved session is being restored. */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  reload(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const queryClient = useQueryClient();

  const loadMe = useCallback(async () => {
    const user = await call(api.GET('/api/auth/me'));
    setMe(user);
    return user;
  }, []);

  // A reload keeps the session: the refresh cookie buys a new access token.
  useEffect(() => {
    void (async () => {
      if (await refreshSession()) {
        await loadMe().catch(() => setMe(null));
      } else {
        setMe(null);
      }
    })();
    // The session ended elsewhere (refresh refused): back to the login page.
    return tokenStore.subscribe((token) => {
      if (token === null) setMe(null);
    });
  }, [loadMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      const tokens = await call(api.POST('/api/auth/login', { body: { username, password } }));
      tokenStore.set(tokens.accessToken);
      scheduleRefresh(tokens.expiresIn);
      queryClient.clear();
      return loadMe();
    },
    [loadMe, queryClient],
  );

  const logout = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    cancelRefresh();
    tokenStore.set(null);
    queryClient.clear();
    setMe(null);
  }, [queryClient]);

  const reload = useCallback(async () => {
    await loadMe();
  }, [loadMe]);

  return (
    <AuthContext.Provider value={{ me, login, logout, reload }}>{children}</AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user (pages under the layout only render once there is one). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

export const STAFF_ROLES: Role[] = ['admin', 'civil_affairs'];
export const isStaff = (me: Me) => STAFF_ROLES.includes(me.role);
