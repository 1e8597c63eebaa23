export {
  type DanglingReference,
  type ImportResult,
  PREAMBLE_KEY,
  parseTermsText,
} from './parseTermsText'
export { knownKeyForHeading } from './articleKeys'
