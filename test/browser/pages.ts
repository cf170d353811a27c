// What each page of the built notebook must show once it has settled. A new page adds
// one entry here; the runner fails any page in dist/ that has no entry, so a page cannot
// ship untested.
//
// `page` is the path of the HTML file under dist/ without ".html" ("index",
// "stance", "methods/rules"). Each check is a CSS selector and the least number of
// elements it must match (`max` when an exact count matters).

export interface Expectation {
  /** what the check shows, in the report */
  what: string;
  selector: string;
  min: number;
  max?: number;
}

export interface PageExpectations {
  page: string;
  checks: Expectation[];
}

export const pages: PageExpectations[] = [
  {
    page: "index",
    checks: [
      { what: "page title", selector: "main h1", min: 1 },
      { what: "words-per-article chart", selector: ".card svg[class^='plot']", min: 1 },
      { what: "a bar per article (at least 5)", selector: ".card svg[class^='plot'] g[aria-label='bar'] rect", min: 5 },
      { what: "group colour legend", selector: ".card [class*='-swatches'] [class$='-swatch']", min: 2 },
      { what: "corpus table rows (at least 5 articles)", selector: "form[class*='-table'] table tbody tr", min: 5 },
      { what: "apparatus column (removed in cleaning)", selector: "form[class*='-table'] thead th[title='removed']", min: 1, max: 1 },
      // evidence view (src/components/evidence.js)
      { what: "evidence: actor picker", selector: "form select", min: 1 },
      { what: "evidence: a card per group", selector: ".evidence > .card", min: 4 },
      { what: "evidence: underlined mentions", selector: ".evidence u.mention", min: 1 },
    ],
  },
];
