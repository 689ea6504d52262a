/**
 * The explanation panel of the current step: the chain rule written out with the engine's numbers, typeset with
 * KaTeX. Each formula also carries its plain text, for screen readers and for copying.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useMemo } from 'react';
import type { Line } from './explain.ts';

function typeset(tex: string): string {
  // throwOnError false: a formula KaTeX cannot read is shown in red rather than breaking the panel.
  return katex.renderToString(tex, { throwOnError: false, displayMode: false, output: 'html' });
}

export const Explanation = memo(function Explanation({ lines, heading }: { lines: readonly Line[]; heading: string }) {
  const html = useMemo(() => lines.map((line) => typeset(line.tex)), [lines]);
  return (
    <section className="wg-explanation" aria-label="Explanation of the current step" data-testid="step-explanation">
      <h2>{heading}</h2>
      {lines.length === 0 ? (
        <p className="wg-muted">Step forward to watch each gate compute its value, then backward to watch the chain rule.</p>
      ) : (
        <ol>
          {lines.map((line, k) => (
            <li key={k} data-testid="step-explanation-line" data-text={line.text} title={line.text}>
              <span className="wg-tex" aria-hidden="true" dangerouslySetInnerHTML={{ __html: html[k] }} />
              <span className="wg-sr-only">{line.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
