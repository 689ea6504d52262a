/**
 * A wire: its value above its midpoint and its gradient below, in two colours. Its colour follows the
 * gradient's sign and its width the gradient's size, so the backward pass can be read at a glance. React
 * renders it when its geometry changes; its numbers are written in place when they change (useAnnotation).
 */
import { getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo, useContext, useRef } from 'react';
import { createPortal } from 'react-dom';
import { exactNumber, formatNumber, hookNumber } from '../numbers.ts';
import { NOT_WRITTEN } from './detail.ts';
import type { Annotation } from '../../engine/index.ts';
import type { WireFlowEdge } from './flowTypes.ts';
import { LabelLayerContext } from './labelLayer.ts';
import { useAnnotation } from './useAnnotation.ts';
import { useWireProduct } from '../stepping/context.ts';
import { gradClass, widthOf } from './wireLook.ts';

function titleOf(numbers: Annotation | undefined): string {
  return `value ${exactNumber(numbers?.value ?? null)}, gradient ${exactNumber(numbers?.grad ?? null)}`;
}

/** How far right of its source a wire's end must be for the usual curve. */
const BACKWARD_MARGIN = 40;

export const WireEdge = memo(function WireEdge(props: EdgeProps<WireFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } = props;
  const layer = useContext(LabelLayerContext);
  const pathRef = useRef<SVGPathElement>(null);
  const labelRef = useRef<HTMLDivElement>(null);
  const valueRef = useRef<HTMLSpanElement>(null);
  const gradRef = useRef<HTMLSpanElement>(null);
  const product = useWireProduct(id);
  // A wire running back to the left would loop through the gates at both ends as a curve: it goes around them in
  // right angles instead, so that it cannot be mistaken for a wire into the gate it crosses.
  const backward = targetX < sourceX + BACKWARD_MARGIN;
  const [path, labelX, labelY] = backward
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10, offset: 24 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });

  // What was last written, so that an edit touches only the attributes whose text changes.
  const written = useRef({
    stroke: '', width: '', valueHook: NOT_WRITTEN, gradHook: NOT_WRITTEN, value: '', grad: '', numbers: undefined as Annotation | undefined,
    // Whether the hover text was ever written: kept here, as reading the element's title on every edit costs a DOM call per wire.
    titled: false,
  });

  useAnnotation('edges', id, (numbers, detailed) => {
    const value = numbers?.value ?? null;
    const grad = numbers?.grad ?? null;
    const w = written.current;
    w.numbers = numbers;
    const line = pathRef.current;
    if (line) {
      const look = gradClass(grad);
      if (look !== w.stroke) line.setAttribute('class', `react-flow__edge-path wire ${(w.stroke = look)}`);
      // Far out a wire is a pixel wide whatever its width, and a new width costs layout: it waits for the view's return.
      const width = detailed ? String(widthOf(grad)) : w.width;
      if (width !== w.width) line.style.strokeWidth = w.width = width;
    }
    const label = labelRef.current;
    if (!label || !valueRef.current || !gradRef.current) return;
    const valueHook = hookNumber(value);
    if (valueHook !== w.valueHook) label.setAttribute('data-value', (w.valueHook = valueHook));
    const gradHook = hookNumber(grad);
    if (gradHook !== w.gradHook) label.setAttribute('data-grad', (w.gradHook = gradHook));
    if (w.titled) label.title = titleOf(numbers);
    if (!detailed) return;
    const valueText = formatNumber(value);
    if (valueText !== w.value) valueRef.current.textContent = w.value = valueText;
    const gradText = formatNumber(grad);
    if (gradText !== w.grad) gradRef.current.textContent = w.grad = gradText;
  });

  // The exact numbers are written when the pointer arrives, not on every edit of every wire.
  const onPointerEnter = () => {
    if (!labelRef.current) return;
    labelRef.current.title = titleOf(written.current.numbers);
    written.current.titled = true;
  };

  return (
    <>
      <path ref={pathRef} id={id} d={path} fill="none" className="react-flow__edge-path wire" />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={18} className="react-flow__edge-interaction" />
      {layer &&
        createPortal(
          <div
            ref={labelRef}
            className={`wire-label nopan ${selected ? 'wire-label--selected' : ''} ${product ? 'wire-label--stepping' : ''}`}
            data-testid={`edge-label-${id}`}
            onPointerEnter={onPointerEnter}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(var(--wire-label-scale, 1))` }}
          >
            <span ref={valueRef} className="wire-label__value" />
            <span ref={gradRef} className="wire-label__grad" />
            {product && (
              <span className="wire-label__product" data-testid={`edge-product-${id}`} title="upstream gradient × local gradient = this wire's gradient">
                {product}
              </span>
            )}
          </div>,
          layer,
        )}
    </>
  );
});
