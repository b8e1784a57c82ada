import { useEffect } from 'preact/hooks';

const typing = (el: Element | null) =>
  !!el &&
  (el.tagName === 'INPUT' ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el as HTMLElement).isContentEditable);

/**
 * Keyboard first: `/` focuses search, `j`/`k` move through the list on screen (any element marked `data-nav-item`),
 * Enter opens it (it is a button).
 */
export function useLogKeys(searchInput: () => HTMLInputElement | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
      if (e.key === '/') {
        e.preventDefault();
        searchInput()?.focus();
        return;
      }
      if (e.key !== 'j' && e.key !== 'k') return;
      const items = [...document.querySelectorAll<HTMLElement>('main [data-nav-item]')];
      if (!items.length) return;
      e.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + (e.key === 'j' ? 1 : -1)));
      items[next]!.focus();
      items[next]!.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchInput]);
}
