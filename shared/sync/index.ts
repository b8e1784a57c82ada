export * from './protocol';
export * from './hlc';
export * from './merge';
export * from './merge-record';
export * from './fields';
export * from './changes';
export * from './cursor';
