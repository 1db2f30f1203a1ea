import { useQuery } from '@tanstack/react-query';
import { api, ApiError, must, Schemas } from './api/client';

export type Session = Schemas['SessionResponse'];

/** Who is signed in (null: nobody, or the session ended). The key itself is never held by the page. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<Session | null> => {
      try {
        return await must(api.GET('/api/v1/session'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** Analysts read; operators and admins also change things (the API decides too: this only hides controls). */
export function canChange(s: Session | null | undefined): boolean {
  return s?.role === 'operator' || s?.role === 'admin';
}
