export * from './engagements';
export * from './engagement-aggregates';
export * from './agreements';
export * from './strategy';
export * from './partners';
export * from './audit';
export * from './visible';
export * from './due-items';
