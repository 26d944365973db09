// The browser loads openapi-fetch's own ES module build as ./openapi-fetch.js (the console router
// serves it from node_modules); these are its types.
export { default } from 'openapi-fetch';
export type * from 'openapi-fetch';
