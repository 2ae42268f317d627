import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { templateKey } from '../../../../helper/core/cli-text';

export interface TrTemplate {
  /** The English with `{0}`, `{1}`… for the values: the key its Russian is registered under. */
  key: string;
  /** `helper/cli/usage.ts:42`. */
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every `tr` template literal in the helper's source, read with the TypeScript parser. */
export function trTemplates(root: string): TrTemplate[] {
  const found: TrTemplate[] = [];
  for (const file of sourceFiles(join(root, 'helper'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (
        ts.isTaggedTemplateExpression(node) &&
        ts.isIdentifier(node.tag) &&
        node.tag.text === 'tr'
      ) {
        const template = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template.text]
          : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ key: templateKey(parts), where: `${relative(root, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The folders' Russian catalogues: every `russian.ts` under helper/. */
export function russianCatalogues(root: string): string[] {
  return sourceFiles(join(root, 'helper')).filter((file) => file.endsWith('/russian.ts'));
}
