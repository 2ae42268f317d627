export * from './version';
export * from './common';
export * from './identity';
export * from './call';
export * from './errors';
export * from './client-messages';
export * from './server-messages';
export * from './parse';
