// `npm start`: builds the server into dist/server when it is missing or was built from other
// sources (about a second), then runs the JavaScript build. No TypeScript is compiled at run time.
import process from 'node:process'
import { pathToFileURL } from 'node:url'

import { ensureServerBuild, serverEntry } from './server-build.mjs'

try {
  await ensureServerBuild()
} catch (error) {
  process.stderr.write(
    `Kiyaku failed to start: the server build failed: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
}
await import(pathToFileURL(serverEntry).href)
