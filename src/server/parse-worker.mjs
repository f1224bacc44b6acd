// Worker entry: the sources are TypeScript run through tsx, as in the main process (bin/fazhi.js).
import { register } from 'tsx/esm/api';

register();
await import('./parse-tasks.ts');
