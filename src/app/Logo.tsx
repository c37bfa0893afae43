/**
 * The mark of `public/favicon.svg` (keep the two the same), drawn inline rather than as an
 * `<img>`: React 19 commits a transition only once the images it brings in have loaded (up to
 * 800 ms), and the page's first render is a transition (`start.tsx`).
 */
export function Logo() {
  return (
    <svg viewBox="0 0 32 32" width={22} height={22} aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1f2a44" />
      <path
        d="M5 16h3l2-6 3 12 3-9 2 5 2-2h7"
        fill="none"
        stroke="#7dd3fc"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
