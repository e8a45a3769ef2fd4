export * from './access';
export * from './reference';
export * from './partners';
export * from './agreements';
export * from './strategy';
export * from './engagements';
export * from './audit';
export * from './due-items';
