/** The few DOM members reading a page's metadata needs; linkedom's documents provide them. */
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): Iterable<MetaElement>;
  documentElement: MetaElement | null;
}

export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  closest(selector: string): MetaElement | null;
}
