import type { FeatureContext } from './feature-context';

export interface PageFeature {
  id: string;
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

export function registeredFeatures(): readonly PageFeature[] {
  return features;
}

export class DuplicateFeatureError extends Error {
  override readonly name = 'DuplicateFeatureError';
  constructor(id: string) {
    super(`Page feature "${id}" is defined twice; give each feature module a unique id.`);
  }
}
