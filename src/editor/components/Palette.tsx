/** Every gate type, grouped; drag one onto the canvas, or click it (or Enter) to add it at the centre of the view. */
import { memo, type DragEvent } from 'react';
import { GROUPS, gateTooltip, gatesOf } from '../gateInfo.ts';
import { GATE_DRAG_TYPE } from './Canvas.tsx';

interface Props {
  onAdd(type: string): void;
}

export const Palette = memo(function Palette({ onAdd }: Props) {
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(GATE_DRAG_TYPE, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Gates">
      {GROUPS.map(({ group, title }) => (
        <section key={group} className="palette__group" aria-label={title}>
          <h2>{title}</h2>
          <div className="palette__items">
            {gatesOf(group).map((gate) => (
              <button
                key={gate.type}
                type="button"
                className={`palette__item palette__item--${gate.group}`}
                data-testid={`palette-${gate.type}`}
                draggable
                title={gateTooltip(gate)}
                aria-label={`Add ${gate.title}: ${gateTooltip(gate)}`}
                onDragStart={(event) => onDragStart(event, gate.type)}
                onClick={() => onAdd(gate.type)}
              >
                <span className="palette__symbol">{gate.symbol}</span>
                <span className="palette__title">{gate.title}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
      <p className="palette__hint">Drag onto the canvas, click, or press <kbd>/</kbd> to search.</p>
    </nav>
  );
});
