// Called from .pnpmfile.cjs, so it runs inside pnpm before any native addon (better-sqlite3) is built.
// node-gyp under pnpm ignores npm's `nodedir` setting and downloads Node's headers, which fails offline.
// When this Node installation ships its own headers (Debian's and the official builds do), node-gyp's
// cache is pointed at them, so it finds them installed and downloads nothing. Where none are found, or
// npm_config_nodedir is set, nothing changes and node-gyp behaves as usual.
const { existsSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');

function nodeVersionOf(headers) {
  const text = readFileSync(path.join(headers, 'node_version.h'), 'utf8');
  const part = (name) => text.match(new RegExp(`#define ${name} (\\d+)`))?.[1];
  return `${part('NODE_MAJOR_VERSION')}.${part('NODE_MINOR_VERSION')}.${part('NODE_PATCH_VERSION')}`;
}

function useLocalNodeHeaders() {
  if (process.env.npm_config_nodedir) return;
  const candidates = [path.join(process.config.variables.node_prefix || '/usr', 'include', 'node'), '/usr/include/node', '/usr/local/include/node'];
  // Only headers of this very Node version will do.
  const headers = candidates.find(
    (dir) => existsSync(path.join(dir, 'common.gypi')) && existsSync(path.join(dir, 'node_version.h')) && nodeVersionOf(dir) === process.versions.node,
  );
  if (!headers) return;
  const cache = process.env.npm_config_devdir || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'node-gyp');
  const devDir = path.join(cache, process.versions.node);
  if (existsSync(path.join(devDir, 'include', 'node', 'common.gypi'))) return;
  mkdirSync(path.join(devDir, 'include'), { recursive: true });
  symlinkSync(headers, path.join(devDir, 'include', 'node'));
  // node-gyp's marker that a complete set of headers is in place (its package.json "installVersion").
  writeFileSync(path.join(devDir, 'installVersion'), '11\n');
}

module.exports = { useLocalNodeHeaders };
