// A "Download CSV" link for the data behind a chart or table. The file is made in the
// browser from the rows already loaded: nothing is fetched.
import * as d3 from "d3";

export function downloadCsv(rows, filename, label = "Download CSV") {
  const a = document.createElement("a");
  a.className = "download-csv";
  a.textContent = label;
  a.download = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  a.href = "#";
  a.addEventListener("click", () => {
    // flatten arrays and objects so every cell is a plain value
    const flat = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v !== null && typeof v === "object" ? JSON.stringify(v) : v])));
    const url = URL.createObjectURL(new Blob([d3.csvFormat(flat)], {type: "text/csv"}));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}
