import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOCS = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** Each guide and its Russian twin, which must keep the same sections. */
const PAIRS = [
  ['it-guide.md', 'it-guide.ru.md'],
  ['operator-guide.md', 'operator-guide.ru.md'],
] as const;

interface Shape {
  /** `## 2`, `### 2.1`: the level and number of every heading (titles differ by language). */
  headings: string[];
  /** How many lines each fenced block has. */
  codeBlocks: number[];
  /** How many rows each table has. */
  tables: number[];
  images: string[];
}

function shapeOf(text: string): Shape {
  const headings: string[] = [];
  const codeBlocks: number[] = [];
  const tables: number[] = [];
  const images = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
  let fence: number | undefined;
  let rows = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('```')) {
      if (fence === undefined) fence = 0;
      else {
        codeBlocks.push(fence);
        fence = undefined;
      }
      continue;
    }
    if (fence !== undefined) {
      fence += 1;
      continue;
    }
    if (trimmed.startsWith('|')) rows += 1;
    else if (rows > 0) {
      tables.push(rows);
      rows = 0;
    }
    const heading = /^(#{1,6})\s+(\d+(?:\.\d+)*)?/.exec(line);
    if (heading) headings.push(`${heading[1]} ${heading[2] ?? ''}`.trim());
  }
  if (rows > 0) tables.push(rows);
  return { headings, codeBlocks, tables, images };
}

const read = (name: string): string => readFileSync(`${DOCS}${name}`, 'utf8');

describe.each(PAIRS)('%s and %s', (english, russian) => {
  const en = shapeOf(read(english));
  const ru = shapeOf(read(russian));

  it('have the same sections, numbered alike', () => {
    expect(ru.headings).toEqual(en.headings);
    expect(en.headings.length).toBeGreaterThan(5);
  });

  it('have the same tables, row for row', () => {
    expect(ru.tables).toEqual(en.tables);
  });

  it('quote the same commands and output, block for block', () => {
    expect(ru.codeBlocks).toEqual(en.codeBlocks);
  });

  it('show each picture in their own language, and every picture exists', () => {
    expect(ru.images.map((image) => image.replace('.ru.png', '.en.png'))).toEqual(en.images);
    expect(en.images.filter((image) => image.endsWith('.ru.png'))).toEqual([]);
    for (const image of [...en.images, ...ru.images]) {
      expect(existsSync(`${DOCS}${image}`), image).toBe(true);
    }
  });

  it('link to each other', () => {
    expect(read(english)).toContain(`](${russian})`);
    expect(read(russian)).toContain(`](${english})`);
  });
});
