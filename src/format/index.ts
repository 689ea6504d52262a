export { parseCircuit, validateCircuit } from './validate.ts';
export { serializeCircuit, fileNameFor } from './serialize.ts';
export { CURRENT_VERSION, FORMAT_ID, PLAIN_VERSION } from './schema.ts';
export { migrate } from './migrate.ts';
