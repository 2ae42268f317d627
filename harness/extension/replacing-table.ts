import type { BrowserContext, Page } from 'playwright-core';

/**
 * A page that replaces its whole orders table every `everyMs`: a new
 * `<tbody>` of `rows` rows, each with a phone (different every time) among
 * cells of other numbers. `window.__replacements` counts the swaps.
 */
export function replacingTablePage({ rows, everyMs }: { rows: number; everyMs: number }): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Заказы</title>
<link rel="icon" href="data:,"></head><body><table id="orders"></table><script>
(() => {
  const PREFIXES = ['916', '903', '925', '495', '812', '701', '777'];
  let round = 0;
  const cell = (text) => { const td = document.createElement('td'); td.textContent = text; return td; };
  const table = document.getElementById('orders');
  const render = () => {
    const body = document.createElement('tbody');
    for (let i = 0; i < ${rows}; i++) {
      const n = round * ${rows} + i;
      const digits = String(1000000 + (n * 7919) % 9000000).slice(-7);
      const tr = document.createElement('tr');
      tr.append(
        cell('RM-' + (100000 + n)),
        cell('8 (' + PREFIXES[n % PREFIXES.length] + ') ' + digits.slice(0, 3) + '-' + digits.slice(3, 5) + '-' + digits.slice(5)),
        cell((n % 28 + 1) + '.11.2025, 10:00–14:00'),
        cell((n % 50 + 1) + ' 300 ₽'),
      );
      body.append(tr);
    }
    const old = table.tBodies[0];
    if (old) old.replaceWith(body); else table.append(body);
    round++;
    window.__replacements = round;
  };
  render();
  setInterval(render, ${everyMs});
})();
</script></body></html>`;
}

/** One reading of a page's memory after a full garbage collection. */
export interface MemorySample {
  /** JavaScript heap of the page's renderer (its own scripts and the content script's world). */
  heapMb: number;
  /** DOM nodes alive in the renderer, detached ones included: what stray references keep. */
  nodes: number;
  replacements: number;
  /** The painter's own count of what it holds (absent where it does not run). */
  heldTexts: number | null;
  heldElements: number | null;
  /** Painted ranges whose text node is no longer in the document. */
  staleRanges: number;
}

/** Collects garbage in the page's renderer, then reads its heap, its DOM nodes and the painter's figures. */
export async function sampleMemory(context: BrowserContext, page: Page): Promise<MemorySample> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
    const page_ = await page.evaluate(() => {
      const measure = performance.getEntriesByName('ct:paint').at(-1) as
        | (PerformanceMeasure & { detail?: { heldTexts?: number; heldElements?: number } })
        | undefined;
      const ranges = [...(CSS.highlights.get('ct-phone') ?? [])] as StaticRange[];
      return {
        replacements: (window as unknown as { __replacements?: number }).__replacements ?? 0,
        heldTexts: measure?.detail?.heldTexts ?? null,
        heldElements: measure?.detail?.heldElements ?? null,
        staleRanges: ranges.filter((range) => !range.startContainer.isConnected).length,
      };
    });
    return { heapMb: heap.usedSize / (1024 * 1024), nodes: counters.nodes, ...page_ };
  } finally {
    await cdp.detach();
  }
}
