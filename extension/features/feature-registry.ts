import type { FeatureContext } from './feature-context';

/**
 * The frames of a cabinet tab a feature runs in: `every` frame (the top one and the
 * cabinet's embedded panels), the `top` frame only (what is per tab: cards, the tab's
 * standing with the worker), or `embedded` frames only.
 */
export type FramePlacement = 'every' | 'top' | 'embedded';

export interface PageFeature {
  id: string;
  frames: FramePlacement;
  /** Ties every listener and timer to `context.signal` or to its own child signal. */
  init(context: FeatureContext): void | Promise<void>;
}

const features: PageFeature[] = [];

/** Each feature module registers itself at load; the entrypoint only imports them. */
export function defineFeature(feature: PageFeature): PageFeature {
  if (features.some((known) => known.id === feature.id)) {
    throw new DuplicateFeatureError(feature.id);
  }
  features.push(feature);
  return feature;
}

/** The registered features that start in a top frame or in an embedded one, in start order. */
export function featuresForFrame(topFrame: boolean): readonly PageFeature[] {
  return features.filter(
    (feature) => feature.frames === 'every' || feature.frames === (topFrame ? 'top' : 'embedded'),
  );
}

export class DuplicateFeatureError extends Error {
  override readonly name = 'DuplicateFeatureError';
  constructor(id: string) {
    super(`Page feature "${id}" is defined twice; give each feature module a unique id.`);
  }
}
