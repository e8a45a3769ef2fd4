/** The root: classification banners around every page, 401 → login, focus to the content on navigation. */
import { useEffect, useRef } from 'react';
import { Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { BannerFrame } from './ClassificationBanner';
import { setUnauthorizedHandler } from '../lib/api';
import { ME_KEY } from './session';

export function RootLayout() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const first = useRef(true);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const here = router.state.location;
      if (here.pathname === '/login') return;
      queryClient.removeQueries({ queryKey: ME_KEY });
      void router.navigate({ to: '/login', search: { redirect: here.href } });
    });
    return () => setUnauthorizedHandler(null);
  }, [router, queryClient]);

  // Move focus to the new page's content so screen-reader and keyboard users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    main?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <BannerFrame>
      <Outlet />
    </BannerFrame>
  );
}
