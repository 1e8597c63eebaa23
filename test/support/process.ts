import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams
  url: string
  exit: Promise<number | null>
  /** Everything the process has written to stdout so far (its JSON log lines). */
  output: () => string
}

export interface SpawnOptions {
  /**
   * `npm start`'s own command: the esbuild bundle in dist/server (built first when missing or
   * stale), instead of the TypeScript sources through tsx.
   */
  built?: boolean
}

/**
 * Starts the real entry point (`npm start`'s: migrations, not schema push, unless told) as its
 * own process on a free port and waits until it listens.
 */
export async function spawnListeningServer(
  dataDir: string,
  env: Record<string, string> = {},
  { built = false }: SpawnOptions = {},
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    built
      ? ['--conditions=production', 'scripts/start.mjs']
      : ['--conditions=production', '--import', 'tsx', 'src/server/main.ts'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        KIYAKU_ADMIN: 'off',
        KIYAKU_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
    },
  )
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let buffered = ''
  const url = await new Promise<string>((resolve, reject) => {
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const match = /"url":"http:\/\/localhost:(\d+)"/.exec(buffered)
      if (match) resolve(`http://127.0.0.1:${match[1]}`)
    })
    child.on('exit', () => reject(new Error(`server exited before listening: ${errors}`)))
  })
  return { child, url, exit, output: () => buffered }
}
