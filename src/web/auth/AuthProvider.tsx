/**
 * Who is signed in. Loads /api/auth/session once; login and registration hand the returned `Me` in.
 * When the server says the session is gone, the state is cleared and the person is sent to /login
 * with the reason. Nothing here touches browser storage.
 */
import { createContext, type ReactNode, startTransition, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, fetchMe, onSessionLost, setCsrfToken } from '../api.js';
import type { Me } from '../api-types.js';

export type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

/** What /login shows about why the person landed there. */
export interface LoginNotice {
  reason?: string;
  from?: string;
}

export interface Auth {
  state: AuthState;
  me: Me | null;
  signedIn: (me: Me) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  /** Forget the session locally (after the server has ended it, e.g. account closed). */
  clear: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const navigate = useNavigate();
  const location = useLocation();

  const refresh = useCallback(async () => {
    const me = await fetchMe().catch(() => null);
    setState(me ? { status: 'signed-in', me } : { status: 'anonymous' });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Router navigations are transitions; signing out is one too, so a guarded page that is being left
  // (its replacement may still be loading) never renders as anonymous and bounces to /login.
  const clear = useCallback(() => {
    setCsrfToken(null);
    startTransition(() => setState({ status: 'anonymous' }));
  }, []);

  const path = location.pathname + location.search;
  useEffect(() => {
    onSessionLost((code) => {
      startTransition(() => setState({ status: 'anonymous' }));
      const notice: LoginNotice = { reason: code, from: path };
      navigate('/login', { state: notice, replace: true });
    });
    return () => onSessionLost(null);
  }, [navigate, path]);

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signed-in', me });
  }, []);

  const logout = useCallback(async () => {
    await api<void>('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    clear();
  }, [clear]);

  const value = useMemo<Auth>(
    () => ({ state, me: state.status === 'signed-in' ? state.me : null, signedIn, refresh, logout, clear }),
    [state, signedIn, refresh, logout, clear],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
