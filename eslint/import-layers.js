import path from 'node:path';

/**
 * `layers/import-direction`: fails an import whose target lies in a part of the project the
 * importing file may not depend on. Each zone names the files it applies to (`from`), the
 * paths they may not import (`to`) and why; paths are project-relative folder or file
 * prefixes. Only relative imports are checked: packages and WXT's `#imports` are not ours.
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the layers and never across wings' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'array', items: { type: 'string' } },
                to: { type: 'array', items: { type: 'string' } },
                except: { type: 'array', items: { type: 'string' } },
                why: { type: 'string' },
              },
              required: ['from', 'to', 'why'],
              additionalProperties: false,
            },
          },
        },
        required: ['zones'],
        additionalProperties: false,
      },
    ],
    messages: { wrongWay: "'{{file}}' may not import '{{target}}': {{why}}." },
  },
  create(context) {
    const { zones } = context.options[0];
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const within = (target, prefixes) =>
      prefixes.some((prefix) => target === prefix || target.startsWith(`${prefix}/`));
    const applying = zones.filter((zone) => within(file, zone.from));
    if (applying.length === 0) return {};

    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      for (const zone of applying) {
        if (!within(target, zone.to) || within(target, zone.except ?? [])) continue;
        context.report({
          node: node.source,
          messageId: 'wrongWay',
          data: { file, target, why: zone.why },
        });
        return;
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'import-direction': rule } };

/**
 * Zones for a stack of layers listed bottom to top: a layer may import itself and what is
 * below, never what is above. Rooms in one layer may import each other unless the layer is
 * marked `apart` (the two wings, the extension's contexts).
 */
export function layerZones(layers, why) {
  const zones = [];
  layers.forEach((layer, index) => {
    for (const higher of layers.slice(index + 1)) {
      zones.push({
        from: layer.rooms,
        to: higher.rooms,
        why: `${why} (layer "${layer.name}" lies under "${higher.name}")`,
      });
    }
    if (layer.apart) {
      for (const room of layer.rooms) {
        const others = layer.rooms.filter((other) => other !== room);
        zones.push({
          from: [room],
          to: others,
          why: `the rooms of layer "${layer.name}" never import each other`,
        });
      }
    }
  });
  return zones;
}
