export { type ImportResult, parseTermsText } from './parseTermsText'
