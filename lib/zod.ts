import { z } from 'zod';

// zod 4 compiles fast paths with `new Function`, which the extension's CSP forbids. Every module
// imports `z` from here so the setting is applied before any schema is built.
z.config({ jitless: true });

export { z };
