// Runs inside every sandbox before the plugin. It turns the two raw host functions into the
// capabilities a handler receives, then hides them: plugin code only ever sees `ctx`.
// Everything crosses the boundary as JSON text, so no host object is ever shared with the guest.
export const PRELUDE = String.raw`
(function () {
  'use strict';
  const hostCall = globalThis.__guildHostCall;
  const hostLog = globalThis.__guildHostLog;
  delete globalThis.__guildHostCall;
  delete globalThis.__guildHostLog;
  const { stringify, parse } = JSON;
  const { freeze, keys, entries } = Object;
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  function text(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.name + ': ' + value.message;
    try {
      const json = stringify(value);
      return json === undefined ? String(value) : json;
    } catch (_) {
      return String(value);
    }
  }
  function logger(level) {
    return (...args) => hostLog(level, args.map(text).join(' '));
  }
  const log = freeze({ debug: logger('debug'), info: logger('info'), warn: logger('warn'), error: logger('error') });
  globalThis.console = freeze({ log: log.info, info: log.info, debug: log.debug, warn: log.warn, error: log.error });

  async function call(name, args) {
    const answer = parse(await hostCall(name, stringify(args)));
    if (answer.ok) return answer.value;
    const error = new Error(answer.error.message);
    error.name = answer.error.name;
    error.code = answer.error.code;
    throw error;
  }
  function key(value) {
    if (typeof value !== 'string') throw new TypeError('storage keys are strings');
    return value;
  }
  const storage = freeze({
    get: (k) => call('storage.get', { key: key(k) }),
    set: (k, value) => {
      const json = stringify(value);
      if (json === undefined) throw new TypeError('storage values must be JSON values');
      return call('storage.set', { key: key(k), value: json });
    },
    increment: (k, by) => call('storage.increment', { key: key(k), by: by === undefined ? 1 : by }),
    delete: (k) => call('storage.delete', { key: key(k) }),
    list: (options) => call('storage.list', options || {}),
  });

  function response(r) {
    const headers = r.headers;
    return freeze({
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      statusText: r.statusText,
      url: r.url,
      redirected: r.redirected,
      headers: freeze({
        get: (name) => (own(headers, String(name).toLowerCase()) ? headers[String(name).toLowerCase()] : null),
        has: (name) => own(headers, String(name).toLowerCase()),
        entries: () => entries(headers),
      }),
      text: async () => r.body,
      json: async () => parse(r.body),
    });
  }
  const http = freeze({
    fetch: async (url, init) => {
      const options = init || {};
      const request = { url: String(url), method: options.method, headers: options.headers, body: options.body };
      return response(await call('http.fetch', request));
    },
  });

  let plugin = null;
  function handlers(kind) {
    const table = plugin && (kind === 'event' ? plugin.events : plugin.functions);
    return table && typeof table === 'object' ? table : {};
  }
  function register(namespace) {
    const candidate = namespace && namespace.default;
    if (!candidate || typeof candidate !== 'object') {
      throw new TypeError('the entry file must export default definePlugin({ events, functions })');
    }
    plugin = candidate;
    const names = (kind) => keys(handlers(kind)).filter((name) => typeof handlers(kind)[name] === 'function');
    return stringify({ events: names('event'), functions: names('function') });
  }
  async function invoke(kind, name, inputJson, contextJson) {
    const table = handlers(kind);
    if (!own(table, name) || typeof table[name] !== 'function') {
      const error = new Error('the plugin does not implement ' + kind + ' ' + name);
      error.name = 'GuildNotImplemented';
      throw error;
    }
    const context = parse(contextJson);
    const ctx = freeze({ point: name, install: freeze(context.install), settings: freeze(context.settings), storage, http, log });
    const result = await table[name](parse(inputJson), ctx);
    if (kind === 'event') return null;
    const json = stringify(result);
    return json === undefined ? null : json;
  }
  Object.defineProperty(globalThis, '__guild', { value: freeze({ register, invoke }) });
})();
`;
