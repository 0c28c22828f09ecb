#!/usr/bin/env node
// The `gancai` command (npx gancai …): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
