// pnpm loads this file before installing; see scripts/node-headers.cjs for why.
require('./scripts/node-headers.cjs').useLocalNodeHeaders();

module.exports = { hooks: {} };
