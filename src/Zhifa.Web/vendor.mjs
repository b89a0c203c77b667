// Copies the pinned front-end files into wwwroot/lib, which is what the server serves (no CDN at run time).
import { cpSync, mkdirSync } from "node:fs";
const files = [
  ["node_modules/bootstrap/dist/css/bootstrap.min.css", "wwwroot/lib/bootstrap/bootstrap.min.css"],
  ["node_modules/bootstrap/dist/js/bootstrap.bundle.min.js", "wwwroot/lib/bootstrap/bootstrap.bundle.min.js"],
  ["node_modules/bootstrap/LICENSE", "wwwroot/lib/bootstrap/LICENSE"],
  ["node_modules/chart.js/dist/chart.umd.min.js", "wwwroot/lib/chart.js/chart.umd.min.js"],
  ["node_modules/chart.js/LICENSE.md", "wwwroot/lib/chart.js/LICENSE.md"],
];
for (const [from, to] of files) {
  mkdirSync(to.substring(0, to.lastIndexOf("/")), { recursive: true });
  cpSync(from, to);
}
