import { kiyakuConfig } from './src/config/payloadConfig'
import { loadEnv } from './src/config/env'

// The Payload CLI and the Next.js admin load this file; the server builds the same config from the
// same env, and its own start (src/server/main.ts) makes the production serving checks.
export default kiyakuConfig(loadEnv(process.env, { serving: false }))
