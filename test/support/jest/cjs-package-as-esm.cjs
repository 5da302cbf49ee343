// Jest transformer: serves a CommonJS package that require()s ESM-only packages as one ES module.
//
// Why: @nestjs/throttler ships only CommonJS and require()s @nestjs/common, which is ESM-only in
// Nest 12. Node 20.19+ runs that natively (require(esm)), so production is fine, but Jest's module
// runtime cannot before Node 24.9. jest.config.js maps the package to a `<name>.esm.mjs` stub and this
// transformer replaces the stub's text with the package's files wrapped in a tiny module registry:
// relative requires resolve inside the package, everything else becomes a real ESM import, so the
// package shares @nestjs/common (and its DI tokens) with the app.
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.js') ? [path] : [];
  });
}

function bundle(packageName, rootDir) {
  const pkgDir = dirname(require.resolve(`${packageName}/package.json`, { paths: [rootDir] }));
  const main = resolve(pkgDir, require(join(pkgDir, 'package.json')).main ?? 'index.js');
  const externals = new Map();
  const modules = files(dirname(main)).map((path) => {
    const source = readFileSync(path, 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');
    for (const [, spec] of source.matchAll(/require\("([^".][^"]*)"\)/g)) {
      if (!externals.has(spec)) externals.set(spec, `__ext${externals.size}`);
    }
    const id = relative(pkgDir, path);
    return `${JSON.stringify(id)}: function (module, exports, require) {\n${source}\n}`;
  });
  const imports = [...externals].map(([spec, name]) => `import * as ${name} from ${JSON.stringify(spec)};`).join('\n');
  const externalTable = [...externals].map(([spec, name]) => `${JSON.stringify(spec)}: ${name}`).join(',\n');
  return `${imports}
const __externals = {${externalTable}};
const __factories = {${modules.join(',\n')}};
const __cache = {};
const __path = (from, spec) => {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const id = parts.join('/');
  return __factories[id + '.js'] ? id + '.js' : id + '/index.js';
};
function __load(id) {
  if (__cache[id]) return __cache[id].exports;
  const module = (__cache[id] = { exports: {} });
  __factories[id](module, module.exports, (spec) => (spec.startsWith('.') ? __load(__path(id, spec)) : __externals[spec]));
  return module.exports;
}
const __main = __load(${JSON.stringify(relative(pkgDir, main))});
export default __main;
${''}`;
}

module.exports = {
  getCacheKey(source, _path, options) {
    const packageName = source.match(/@package (\S+)/)[1];
    const version = require(require.resolve(`${packageName}/package.json`, { paths: [options.config.rootDir] })).version;
    return `${packageName}@${version}:${readFileSync(__filename, 'utf8').length}`;
  },
  process(_source, path, options) {
    const packageName = readFileSync(path, 'utf8').match(/@package (\S+)/)[1];
    const code = bundle(packageName, options.config.rootDir);
    const names = Object.keys(eval_exports(packageName, options.config.rootDir));
    return { code: `${code}export const { ${names.join(', ')} } = __main;\n` };
  },
};

/** The package's export names, read by requiring it in plain Node (which can require ESM). */
function eval_exports(packageName, rootDir) {
  return require(require.resolve(packageName, { paths: [rootDir] }));
}
