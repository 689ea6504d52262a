/** Circuits in and out of the browser: the bundled examples, downloads, and files the user picks or drops. */
import type { Circuit } from '../engine/index.ts';
import { fileNameFor, serializeCircuit } from '../format/index.ts';

export interface ExampleEntry {
  file: string;
  name: string;
  description: string;
}

const examplesBase = `${import.meta.env.BASE_URL}examples/`;

export async function fetchExamples(): Promise<ExampleEntry[]> {
  const response = await fetch(`${examplesBase}index.json`);
  if (!response.ok) throw new Error(`examples/index.json: ${response.status}`);
  return (await response.json()) as ExampleEntry[];
}

export async function fetchExample(file: string): Promise<string> {
  const response = await fetch(`${examplesBase}${file}`);
  if (!response.ok) throw new Error(`examples/${file}: ${response.status}`);
  return response.text();
}

export function download(circuit: Circuit): string {
  const name = fileNameFor(circuit);
  const url = URL.createObjectURL(new Blob([serializeCircuit(circuit)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the next task; keeping it a little longer costs nothing.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
