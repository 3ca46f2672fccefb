/** A link from the article's text that may become one of the brief's sources. */
export interface LinkCandidate {
  title: string;
  url: string;
  publisher: string;
  /** The title is only the link's text ("killed", "scientists think"): the editor must name the page. */
  bareTitle?: boolean;
}

/** What the markup says about the page, for telling an article from other kinds of page. */
export interface PageHints {
  ogType?: string;
  ldTypes: string[];
  section?: string;
  /** Links inside headings: a front page is mostly these. */
  headlineLinks: number;
  passwordField: boolean;
  /** The page's own `<title>`/`<h1>`, which names error pages. */
  heading?: string;
}

/** A source the text names without a link ("Reuters reports"), for the editor to look up. */
export interface Attribution {
  name: string;
  /** The sentence that names it, so the editor can find the claim. */
  sentence: string;
}

/** What extraction finds on a page, before any summarising. Unknown values are absent. */
export interface Article {
  title?: string;
  standfirst?: string;
  /** YYYY-MM-DD */
  published?: string;
  publisher?: string;
  url?: string;
  lang?: string;
  /** The cleaned body, one paragraph per entry, page chrome and captions removed. */
  paragraphs: string[];
  links: LinkCandidate[];
  /** HTML pages only. */
  hints?: PageHints;
}
