export * from './engagements/types';
export * from './engagements/lifecycle';
export * from './engagements/entity';
export * from './engagements/rules';
export * from './shared/errors';
export * from './engagements/deconfliction';
export * from './labels/index';
export * from './access/index';
