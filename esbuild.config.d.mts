import type { BuildOptions } from 'esbuild';

export function nodeOptions(production: boolean): BuildOptions;
export function webOptions(production: boolean): BuildOptions;
export function lockfileOptions(production: boolean): BuildOptions;
