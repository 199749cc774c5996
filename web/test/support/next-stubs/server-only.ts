// `server-only` throws when bundled for the browser; jest is the server.
export {};
