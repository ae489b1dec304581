// Copy the pinned front-end files from node_modules into the repo (committed),
// so the widget never loads code from a CDN. Run `npm ci && npm run vendor`.
//   socket.io-client -> bot/webchat/static/vendor/   (served with the widget)
//   axe-core         -> tests/e2e/vendor/             (test-only, never served)
const fs = require("fs");
const path = require("path");
const repo = path.resolve(__dirname, "..", "..");
const files = [
  ["socket.io-client/dist/socket.io.min.js", "bot/webchat/static/vendor/socket.io.min.js"],
  ["socket.io-client/LICENSE", "bot/webchat/static/vendor/socket.io-client.LICENSE"],
  ["axe-core/axe.min.js", "tests/e2e/vendor/axe.min.js"],
  ["axe-core/LICENSE", "tests/e2e/vendor/axe-core.LICENSE"],
];
for (const [from, to] of files) {
  const dest = path.join(repo, to);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(path.join(__dirname, "node_modules", from), dest);
  console.log(`vendored ${from} -> ${to}`);
}
