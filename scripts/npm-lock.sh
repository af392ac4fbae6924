# Sourced by the install scripts of the npm package folders. npm ci records what it installed in
# node_modules/.package-lock.json; that equals the lockfile's packages (without the root entry) exactly when
# the install is current.
#
# npm_installed_matches_lock FOLDER NODE: true when FOLDER/node_modules matches FOLDER/package-lock.json,
# checked with the Node executable NODE.
npm_installed_matches_lock() {
  local dir="$1" node="$2"
  [[ -f "$dir/node_modules/.package-lock.json" ]] || return 1
  local js='
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).packages;
    const have = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).packages;
    delete want[""];
    const same = (a, b) => a && b && a.version === b.version && a.integrity === b.integrity;
    const keys = new Set([...Object.keys(want), ...Object.keys(have)]);
    for (const k of keys) if (!same(want[k], have[k])) process.exit(1);'
  "$node" -e "$js" "$dir/package-lock.json" "$dir/node_modules/.package-lock.json" 2>/dev/null
}
