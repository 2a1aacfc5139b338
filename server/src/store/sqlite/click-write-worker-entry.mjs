// Entry of the click writer thread. Plain JavaScript on purpose: a worker's first module is
// loaded before any `--import` loader of its own is active (Node 20), so this file registers
// the TypeScript loader (tsx, which runs the whole server) and then loads the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./click-write-worker.ts');
