export type { CountWords } from '../../../shared/formatCount'
export { formatCount, formatShown } from '../../../shared/formatCount'
