export * from './engine/match-engine';
