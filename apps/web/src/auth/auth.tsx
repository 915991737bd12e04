import { Spin } from 'antd';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, onUnauthorized, tokenStore } from '../api/client';
import type { LoginResponse, Profile, Role } from '../api/types';
import { setTrackerTimeZone } from '../lib/dates';

interface Auth {
  user: Profile | null;
  /** True until the stored token has been checked with GET /api/auth/me. */
  checking: boolean;
  /** Set when the last sign-out was forced by a 401. */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<Profile>;
  /** POST /api/auth/password: every other session ends; the answer's fresh token keeps this one signed in. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<Profile>;
  /** Ends every session of the user on the server (POST /api/auth/logout), then forgets the token here. */
  signOut: () => void;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setProfile] = useState<Profile | null>(null);
  // Dates render in the tracker's zone from the first render that has a user.
  const setUser = useCallback((profile: Profile | null) => {
    if (profile) setTrackerTimeZone(profile.timeZone);
    setProfile(profile);
  }, []);
  const [checking, setChecking] = useState<boolean>(() => tokenStore.get() !== null);
  const [expired, setExpired] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    if (!tokenStore.get()) return;
    api.get<Profile>('/api/auth/me').then(
      (profile) => {
        setUser(profile);
        setChecking(false);
      },
      () => {
        setUser(null);
        setChecking(false);
      },
    );
  }, [setUser]);

  useEffect(() => {
    onUnauthorized(() => {
      setUser(null);
      setExpired(true);
      const here = `${window.location.pathname}${window.location.search}`;
      if (!window.location.pathname.startsWith('/login')) void navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate, setUser]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<LoginResponse>('/api/auth/login', { username, password });
      tokenStore.set(answer.accessToken);
      setUser(answer.user);
      setExpired(false);
      return answer.user;
    },
    [setUser],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const answer = await api.post<LoginResponse>('/api/auth/password', { currentPassword, newPassword });
      tokenStore.set(answer.accessToken);
      setUser(answer.user);
      return answer.user;
    },
    [setUser],
  );

  const signOut = useCallback(() => {
    // Not through `api`: a 401 here (an already dead token) must not count as an expired session. Signed out here at
    // once either way; keepalive lets the request finish while the page moves on.
    const token = tokenStore.get();
    if (token) fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` }, keepalive: true }).catch(() => undefined);
    tokenStore.clear();
    setUser(null);
    setExpired(false);
    void navigate('/login', { replace: true });
  }, [navigate, setUser]);

  const value = useMemo<Auth>(
    () => ({ user, checking, expired, signIn, changePassword, signOut, hasRole: (...roles) => !!user && roles.includes(user.role) }),
    [user, checking, expired, signIn, changePassword, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth outside AuthProvider');
  return context;
}

/** The signed-in user, for pages under RequireAuth. */
export function useUser(): Profile {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside RequireAuth');
  return user;
}

/** Pages behind sign-in: without a user, go to /login and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** The first page after sign-in: the wall for the DRC, the unit's own projects for an owner. */
export function homePathFor(role: Role): string {
  return role === 'owner' ? '/mine' : '/dashboard';
}
