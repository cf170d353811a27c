// Lets `observable build` and `observable preview` run without any network.
//
// Framework's client bundle names optional libraries as `npm:react-dom`, `npm:echarts`…
// and resolves each to a version by asking registry.npmjs.org, even when no page uses
// them: offline, the build stops with "fetch failed". Framework first looks for a
// version in its cache folder (src/.observablehq/cache/_npm/<name>@<version>, an empty
// folder is enough), so we create those folders. Parallax's pages import every library
// from node_modules, so these versions are only ever written into code paths that no
// page runs; a page that did use one would fail the browser test with a 404.
//
// Versions are what the registry answered for Framework 1.13.4 on 2026-11-23. After a
// Framework upgrade, run a build online once and copy any new `npm:name@version` lines
// from its log here.
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const VERSIONS = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3@7.9.2",
  "d3-dsv@3.0.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react@19.3.1",
  "react-dom@19.3.1",
  "topojson-client@3.1.0",
];

const cache = join("src", ".observablehq", "cache", "_npm");
for (const spec of VERSIONS) mkdirSync(join(cache, spec), { recursive: true });
