// Loaded with `node --import`: writes every bare package a process resolves to stderr ("resolved <name>").
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
