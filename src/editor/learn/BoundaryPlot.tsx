/**
 * The plot of the circuit's dataset with its decision boundary: while training, the running Trainer's score
 * grid after every frame; otherwise a Trainer on the circuit as it is. Either way the engine's compiled form
 * evaluates the grid, a few thousand forward passes that cost well under a millisecond.
 */
import { useMemo, useState } from 'react';
import { Trainer, trainingSetupOf } from '../../engine/index.ts';
import { useActions, useEditor } from '../context.ts';
import { useLearn } from './context.ts';
import { DataPlot, type ScoreGrid } from './DataPlot.tsx';
import { defaultAxes, plotRanges, rowForPoint, type PlotAxes } from './plot.ts';
import { addRow } from './setup.ts';

const CELLS = 64;

export function BoundaryPlot({ addable }: { addable?: boolean }) {
  const actions = useActions();
  const circuit = useEditor((s) => s.circuit);
  const status = useLearn((s) => s.status);
  const run = useLearn((s) => s.run);
  const reports = useLearn((s) => s.reports);
  const [chosen, setChosen] = useState<Partial<PlotAxes>>({});
  const [cls, setCls] = useState(1);
  const { dataset, bindings = {}, training } = circuit;
  const label = training?.label;
  const bound = Object.values(bindings);
  const fallback = dataset ? defaultAxes(dataset, bound, label) : null;
  const axes: PlotAxes | null =
    dataset && fallback
      ? {
          x: chosen.x && dataset.columns.includes(chosen.x) ? chosen.x : fallback.x,
          y: chosen.y && dataset.columns.includes(chosen.y) ? chosen.y : fallback.y,
        }
      : null;
  const ranges = useMemo(() => (dataset && axes ? plotRanges(dataset, axes) : null), [dataset, axes?.x, axes?.y]);
  const bothBound = axes !== null && bound.includes(axes.x) && bound.includes(axes.y);

  const grid = useMemo((): ScoreGrid | null => {
    if (!axes || !ranges || !bothBound) return null;
    let trainer: Trainer | null = status === 'running' && run ? run.trainer : null;
    if (!trainer) {
      const setup = trainingSetupOf(circuit);
      const created = setup ? Trainer.create(circuit, setup) : null;
      trainer = created?.ok ? created.value : null;
    }
    if (!trainer) return null;
    return { scores: trainer.scoreGrid(axes.x, axes.y, ranges.x, ranges.y, CELLS, CELLS), nx: CELLS, ny: CELLS };
    // The reports change after every frame of training: that is when the running trainer has moved.
  }, [circuit, status, run, reports, axes?.x, axes?.y, ranges, bothBound]);

  if (!dataset || !axes || !ranges) return <p className="learn-help">The plot needs a dataset with two columns.</p>;
  const columns = dataset.columns;
  const pick = (which: keyof PlotAxes) => (
    <select data-testid={`plot-${which}`} value={axes[which]} onChange={(e) => setChosen({ ...chosen, [which]: e.target.value })}>
      {columns.map((c) => (
        <option key={c} value={c}>{c}</option>
      ))}
    </select>
  );

  return (
    <div className="boundary-plot">
      <div className="learn-row">
        <label className="learn-field">x {pick('x')}</label>
        <label className="learn-field">y {pick('y')}</label>
        {addable && (
          <label className="learn-field" title="The class of the points you add by clicking the plot">
            click adds
            <select data-testid="dataset-class" value={cls} onChange={(e) => setCls(Number(e.target.value))}>
              <option value={1}>+1 (blue)</option>
              <option value={-1}>−1 (red)</option>
            </select>
          </label>
        )}
      </div>
      <DataPlot
        dataset={dataset}
        axes={axes}
        label={label}
        ranges={ranges}
        grid={grid}
        onAdd={addable ? (x, y) => actions.edit(addRow(rowForPoint(dataset, axes, x, y, label, cls))) : undefined}
      />
      {!bothBound && (
        <p className="learn-help" data-testid="boundary-hint">
          Bind inputs to {axes.x} and {axes.y} (in Train) to see the decision boundary: the sign of the score over the plane.
        </p>
      )}
    </div>
  );
}
