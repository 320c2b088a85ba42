#!/usr/bin/env node
// Entry point for `npx thesis-lod`: registers tsx so the TypeScript sources run as they are, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
