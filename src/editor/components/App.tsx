/** The editor's page: toolbar, palette, canvas, and the keyboard shortcuts that tie them together. */
import { ReactFlowProvider, useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { SteppingPanel } from '../stepping/SteppingPanel.tsx';
import { SteppingContext } from '../stepping/context.ts';
import { createSteppingStore } from '../stepping/store.ts';
import { EditorContext, useActions, useEditor, useEditorStore } from '../context.ts';
import { download } from '../files.ts';
import { freeSpot, gateBox, USUAL_GATE } from '../placement.ts';
import type { EditorStore } from '../store.ts';
import { Canvas, HALF_GATE } from './Canvas.tsx';
import { GateSearch } from './GateSearch.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { Palette } from './Palette.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { FIT_OPTIONS } from './useViewFollowsCircuit.ts';
import { Toolbar } from './Toolbar.tsx';
import { WireDialog } from './WireDialog.tsx';
import { LearnPanel } from '../learn/LearnPanel.tsx';

export function App({ store }: { store: EditorStore }) {
  // One stepper per editor store, made once: it watches the store for edits, which end the stepping.
  const [stepping] = useState(() => createSteppingStore(store));
  return (
    <EditorContext.Provider value={store}>
      <SteppingContext.Provider value={stepping}>
        <ReactFlowProvider>
          <Editor />
        </ReactFlowProvider>
      </SteppingContext.Provider>
    </EditorContext.Provider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** The tab shows the circuit's name, so that several open tabs can be told apart. */
function useTitle() {
  const name = useEditor((s) => s.circuit.name);
  useEffect(() => {
    document.title = name ? `${name} — wiregrad` : 'wiregrad';
  }, [name]);
}

function Editor() {
  useTitle();
  const store = useEditorStore();
  const actions = useActions();
  const rf = useReactFlow();
  const [search, setSearch] = useState<XYPosition | null>(null);
  const [help, setHelp] = useState(false);
  const [wireFrom, setWireFrom] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLDivElement>(null);

  const centre = useCallback((): XYPosition => {
    const box = main.current?.getBoundingClientRect();
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
  }, []);

  const addAt = useCallback(
    (type: string, screen: XYPosition) => {
      const at = rf.screenToFlowPosition(screen);
      actions.addGate(type, { x: at.x - HALF_GATE.x, y: at.y - HALF_GATE.y });
    },
    [actions, rf],
  );

  // A palette click names no spot: the centre of the view, or the nearest free spot to it.
  const addFree = useCallback(
    (type: string) => {
      const at = rf.screenToFlowPosition(centre());
      const { circuit, measured } = store.getState();
      const taken = circuit.nodes.map((n) => gateBox(n, measured));
      actions.addGate(type, freeSpot({ x: at.x - HALF_GATE.x, y: at.y - HALF_GATE.y }, USUAL_GATE, taken));
    },
    [actions, rf, store, centre],
  );

  const openFile = useCallback(
    (file: File) => {
      file.text().then(
        (text) => actions.openText(text, file.name),
        (error: unknown) => actions.notify('error', `${file.name} could not be read: ${String(error)}`),
      );
    },
    [actions],
  );

  const fit = useCallback(() => void rf.fitView(FIT_OPTIONS), [rf]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest?.('[data-native-keys]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === 'z') return run(event.shiftKey ? actions.redo : actions.undo);
      if (event.ctrlKey && key === 'y') return run(actions.redo);
      if (mod && key === 's') return run(() => download(store.getState().circuit));
      if (mod && key === 'o') return run(() => fileInput.current?.click());
      if (isTyping(event.target)) return;
      if (mod && key === 'c') return run(() => void actions.copy());
      if (mod && key === 'x') return run(actions.cut);
      if (mod && key === 'v') return run(actions.paste);
      if (mod && key === 'd') return run(actions.duplicate);
      if (mod && key === 'a') return run(actions.selectAll);
      if (mod || event.altKey) return;
      if (event.key === '/') return run(() => setSearch(centre()));
      if (event.key === '?') return run(() => setHelp(true));
      if (key === 'f') return run(fit);
      if (key === 'w') {
        const selected = [...store.getState().selectedNodes];
        if (selected.length === 1) run(() => setWireFrom(selected[0]));
        return;
      }
      if (key === 'o') {
        const selected = [...store.getState().selectedNodes];
        if (selected.length === 1) run(() => actions.setOutput(selected[0]));
        return;
      }
      if (event.key === 'Escape') actions.select([]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, store, centre, fit]);

  return (
    <div className="editor">
      <Toolbar onOpenFile={openFile} onFit={fit} onHelp={() => setHelp(true)} fileInput={fileInput} />
      <div className="editor__body">
        <Palette onAdd={addFree} />
        <main className="editor__main" ref={main}>
          <SteppingPanel />
          <Canvas onOpenSearch={setSearch} onOpenFile={openFile} />
          <NoticeBar />
        </main>
        <LearnPanel />
      </div>
      {search && (
        <GateSearch
          at={search}
          onClose={() => setSearch(null)}
          onPick={(type) => {
            addAt(type, search);
            setSearch(null);
          }}
        />
      )}
      {help && <ShortcutSheet onClose={() => setHelp(false)} />}
      {wireFrom && <WireDialog source={wireFrom} onClose={() => setWireFrom(null)} />}
    </div>
  );
}
