/** Public API of the quota (award-ratio) checks. */
export * from './people';
export * from './rules';
export * from './checks';
export * from './share';
export { formatCount, formatShareUnits, formatUnits } from './format';
export {
  COLLECTIVE_RANK,
  INDIVIDUAL_RANK,
  collectiveRankInYear,
  individualRankInHistory,
  individualRankInYear,
} from './titles';
