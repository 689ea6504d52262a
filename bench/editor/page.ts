/**
 * What runs inside the benchmarked page, as plain JavaScript text (a function handed to page.evaluate would carry
 * the TypeScript loader's helpers along). It installs `window.__bench`:
 *
 * - `open(text, name, expect)` sets the file on `open-file` and resolves when every node is visible (measured, not
 *   `visibility: hidden`) or drawn by the editor's overview (a large circuit far out), and every edge label holds its
 *   expected numbers; polled every animation frame.
 * - `edit(value, expect)` types `value` into `input-value-x` and resolves when every label holds its new numbers;
 *   checked at once after the input event, then on every DOM mutation, then every animation frame.
 *
 * Each resolves with milliseconds from the start: `dom` (the last label written), `layout` (the same plus a forced
 * style and layout of the page) and `frame` (the next frame after it has been rendered, vsync wait included).
 * `expect.kind` says which page it is: the editor's labels carry `data-value`/`data-grad`; the baseline's edges a
 * text label.
 */
export const PAGE_SCRIPT = String.raw`
(() => {
  // The page's V8 and Node's may differ in the last bit of a tanh or an exp: equal within a few ulps is equal.
  function near(shown, wanted) {
    if (shown === wanted) return true;
    if (shown === undefined || shown === '' || wanted === '') return false;
    const a = Number(shown);
    const b = Number(wanted);
    return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }

  function makeCheck(expect) {
    const ids = Object.keys(expect.edges);
    return () => {
      const nodes = document.querySelectorAll('.react-flow__node');
      if (nodes.length + drawnInOverview() !== expect.nodes) return false;
      for (const n of nodes) if (n.style.visibility === 'hidden') return false;
      if (expect.kind === 'editor') {
        const labels = document.querySelectorAll('.wire-label');
        if (labels.length !== ids.length) return false;
        for (const l of labels) {
          const e = expect.edges[l.dataset.testid.slice(11)];
          if (!e || !near(l.dataset.value, e[0]) || !near(l.dataset.grad, e[1])) return false;
        }
      } else {
        const edges = document.querySelectorAll('.react-flow__edge');
        if (edges.length !== ids.length) return false;
        for (const edge of edges) {
          const text = edge.querySelector('.react-flow__edge-text');
          if (!text || text.textContent !== expect.edges[edge.getAttribute('data-testid').slice(9)]) return false;
        }
      }
      return true;
    };
  }

  // A large circuit far out is drawn on the editor's overview canvas, which says how many gates it drew; inputs stay nodes.
  function drawnInOverview() {
    const overview = document.querySelector('[data-testid="overview"]');
    return overview ? Number(overview.dataset.gates || 0) : 0;
  }

  function diagnose(expect) {
    const nodes = [...document.querySelectorAll('.react-flow__node')];
    const hidden = nodes.filter((n) => n.style.visibility === 'hidden').length;
    const labels = [...document.querySelectorAll(expect.kind === 'editor' ? '.wire-label' : '.react-flow__edge')];
    const wrong = labels.filter((l) => expect.kind === 'editor' ? !(expect.edges[l.dataset.testid.slice(11)] && near(l.dataset.value, expect.edges[l.dataset.testid.slice(11)][0]) && near(l.dataset.grad, expect.edges[l.dataset.testid.slice(11)][1])) : (l.querySelector('.react-flow__edge-text') || {}).textContent !== expect.edges[l.getAttribute('data-testid').slice(9)]).slice(0, 3).map((l) => expect.kind === 'editor'
      ? l.dataset.testid + '=' + l.dataset.value + '/' + l.dataset.grad + ' want ' + JSON.stringify(expect.edges[l.dataset.testid.slice(11)])
      : l.getAttribute('data-testid') + '=' + (l.querySelector('.react-flow__edge-text') || {}).textContent + ' want ' + expect.edges[l.getAttribute('data-testid').slice(9)]);
    return expect.kind + ': ' + nodes.length + '+' + drawnInOverview() + '/' + expect.nodes + ' nodes (' + hidden + ' hidden), ' + labels.length + '/' + Object.keys(expect.edges).length + ' labels; ' + wrong.join('; ');
  }

  function until(check, t0, observe, expect) {
    return new Promise((resolve, reject) => {
      let done = false;
      let observer = null;
      // 'at' is taken before the check, so that the check's own cost is not counted.
      const finish = (at) => {
        done = true;
        const dom = at;
        const before = performance.now();
        void document.body.offsetHeight;
        const layout = dom + performance.now() - before;
        if (observer) observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ dom: dom - t0, layout: layout - t0, frame: performance.now() - t0 });
          channel.port2.postMessage(0);
        });
      };
      const tick = () => {
        if (done) return;
        const at = performance.now();
        if (check()) finish(at);
        else if (performance.now() - t0 > 30000) reject(new Error('timed out: ' + diagnose(expect)));
        else requestAnimationFrame(tick);
      };
      const first = performance.now();
      if (check()) return finish(first);
      if (observe) {
        observer = new MutationObserver(() => {
          const at = performance.now();
          if (!done && check()) finish(at);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      requestAnimationFrame(tick);
    });
  }

  let frames = null;
  window.__bench = {
    open(text, name, expect) {
      const input = document.querySelector('[data-testid="open-file"]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      const check = makeCheck(expect);
      const t0 = performance.now();
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return until(check, t0, false, expect);
    },
    edit(value, expect) {
      const input = document.querySelector('[data-testid="input-value-x"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const check = makeCheck(expect);
      const t0 = performance.now();
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return until(check, t0, true, expect);
    },
    settle() {
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))));
    },
    startFrames() {
      const list = [];
      frames = list;
      const loop = (t) => { if (frames !== list) return; list.push(t); requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    },
    stopFrames() {
      const list = frames || [];
      frames = null;
      const gaps = [];
      for (let k = 1; k < list.length; k++) gaps.push(list[k] - list[k - 1]);
      return gaps;
    },
    /** A point of the empty canvas, where a drag pans: the pane itself under it, and nothing the overview drew within a few pixels. */
    emptyPoint() {
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      const overview = document.querySelector('[data-testid="overview"]');
      const ratio = window.devicePixelRatio || 1;
      const drawn = (x, y) => {
        if (!overview) return false;
        const r = overview.getBoundingClientRect();
        const pixels = overview.getContext('2d').getImageData((x - r.left - 4) * ratio, (y - r.top - 4) * ratio, 9 * ratio, 9 * ratio).data;
        for (let k = 3; k < pixels.length; k += 4) if (pixels[k] !== 0) return true;
        return false;
      };
      for (let y = pane.top + pane.height * 0.3; y < pane.bottom - 20; y += 7)
        for (let x = pane.left + pane.width * 0.3; x < pane.right - 250; x += 7) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.classList.contains('react-flow__pane') && !drawn(x, y)) return { x, y };
        }
      return null;
    },
    /**
     * The centre of a node, where a drag moves it; null when it is not on screen. A gate the editor's overview draws
     * has no element: its position comes from the editor's autosave (written in the task after each edit), through
     * the view's transform, at a gate's usual size.
     */
    nodeCentre(id) {
      const element = document.querySelector('.react-flow__node[data-id="' + id + '"]');
      if (element) {
        const box = element.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      // Gone from the DOM: moved out of the view, where the editor does not render nodes.
      if (!document.querySelector('[data-testid="overview"]')) return null;
      const saved = JSON.parse(localStorage.getItem('wiregrad.autosave') || 'null');
      const node = saved && saved.nodes.find((n) => n.id === id);
      if (!node) return null;
      const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
      const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
      const at = { x: pane.left + m.e + (node.position.x + 65) * m.a, y: pane.top + m.f + (node.position.y + 35) * m.a };
      return at.x >= pane.left && at.x <= pane.right && at.y >= pane.top && at.y <= pane.bottom ? at : null;
    },
  };
})();
`;
