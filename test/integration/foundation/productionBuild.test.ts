import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { spawnListeningServer, type ServerProcess } from '../../support/process'

/**
 * What `npm start` runs in production: the esbuild bundle of the server with Payload and the other
 * packages inside it. The bundle reads some files next to its own code (the site's CSS, the API
 * docs' script) and loads a few packages from node_modules: each surface is asked once.
 */
describe('the production build', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiyaku-build-'))
  let server: ServerProcess

  beforeAll(async () => {
    server = await spawnListeningServer(
      dataDir,
      {
        NODE_ENV: 'production',
        PAYLOAD_SECRET: randomBytes(32).toString('hex'),
        // Required in production; nothing is sent or linked here.
        SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://kiyaku.invalid',
        LOG_LEVEL: 'info',
      },
      { built: true },
    )
  }, 180_000)

  afterAll(async () => {
    server?.child.kill('SIGTERM')
    await server?.exit
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('is ready on a fresh database once its migrations are applied, and serves the public API, the site, the docs and Payload', async () => {
    const readyz = await fetch(`${server.url}/readyz`)
    expect(readyz.status).toBe(200)
    expect(await readyz.json()).toMatchObject({ database: 'up', migrations: 'applied' })

    const offices = await fetch(`${server.url}/public/v1/offices`)
    expect(offices.status).toBe(200)
    expect(await offices.json()).toEqual({ offices: [] })

    const css = await fetch(`${server.url}/site/assets/site.css`)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)

    const docsScript = await fetch(`${server.url}/public/docs/init.js`)
    expect(docsScript.status).toBe(200)
    const swagger = await fetch(`${server.url}/public/docs/assets/swagger-ui-bundle.js`)
    expect(swagger.status).toBe(200)

    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    })
    expect(graphql.status).toBe(200)
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } })

    const me = await fetch(`${server.url}/api/users/me`)
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ user: null })
  }, 60_000)
})
