#!/usr/bin/env node
// The `fieldbook` command: runs the TypeScript CLI in server/ through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../server/cli.ts');
await runCli(process.argv.slice(2));
