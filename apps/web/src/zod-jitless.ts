// Imported first by main.tsx, before any zod schema is built: zod 4 otherwise probes
// `new Function` when a schema is constructed (its JIT), which the page's
// Content-Security-Policy (no 'unsafe-eval') blocks and reports as a violation.
// The browser parses only small event payloads (the event catalog); the JIT buys nothing.
import { config } from 'zod';

config({ jitless: true });
