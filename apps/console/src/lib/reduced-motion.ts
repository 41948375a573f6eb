import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void) {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/**
 * Whether the user asked the system for less motion. The console then turns Ant Design's
 * animations off (dialogs, drawers, menus appear and go at once): a zooming dialog is the motion
 * that setting exists to spare people. The browser tests ask for it too (playwright.config
 * `reducedMotion`), so a click never lands on a dialog that is still growing on a loaded machine.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
