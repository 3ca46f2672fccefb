/** The public pages' only stylesheet, served from this origin (no inline styles under the CSP). */
export const PAGE_CSS = `body { font: 17px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; line-height: 1.25; }
.byline, .topics { color: #555; font-size: 0.9rem; }
a { color: #0a58ca; }
li { margin: 0.3rem 0; }
`;
