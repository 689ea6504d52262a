export * from './circuit.ts';
export * from './gates.ts';
export * from './compile.ts';
export * from './annotate.ts';
export * from './evaluate.ts';
export * from './update.ts';
export * from './gradcheck.ts';
export { topologicalOrder } from './topo.ts';
export * from './stepping.ts';
