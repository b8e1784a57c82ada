export * from './common';
export * from './client';
export * from './meeting';
export * from './vendor';
export * from './item';
export * from './capture';
export * from './history';
export * from './hints';
