import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../session';
import { Loading } from './Loading';
import { ErrorNotice } from './ErrorNotice';

/** The pages behind sign-in: nobody signed in (or the session ended) goes to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} />;
  if (!session.data) return <Navigate to="/signin" replace />;
  return children;
}
