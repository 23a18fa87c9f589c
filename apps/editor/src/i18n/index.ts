export * from './en.ts';
export * from './translate.ts';
