/**
 * The layers of README.md's architecture section, checked by `npm run check:layers` (in CI).
 * Lower layers never reach up: rules and shared code < services < hooks, access, endpoints,
 * collections, jobs, mail < config < server, admin, app.
 */
const PAYLOAD = '^(node_modules/)?(payload|@payloadcms)/'
const CONFIG = ['^src/config/', '^payload[.]config[.]ts$']
const layer = (...names) => names.map((name) => `^src/${name}/`)

export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle ties two modules into one: give the shared part a file of its own.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'product-not-from-bench-or-test',
      comment: 'The product runs without its benchmarks and tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|test)/' },
    },
    {
      name: 'rules-are-pure',
      comment: 'src/rules: pure functions, no Payload, nothing under src/ but rules and src/lib.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { pathNot: ['^src/rules/', '^src/lib/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'rules-without-payload',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: PAYLOAD },
    },
    {
      name: 'lib-is-shared',
      comment: 'src/lib: code every layer may use; it imports no other layer and no Payload.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { pathNot: ['^src/lib/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'lib-without-payload',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: PAYLOAD },
    },
    {
      name: 'services-stay-below',
      comment:
        'src/services is shared by hooks, jobs and routes: it imports none of them, nor the config.',
      severity: 'error',
      from: {
        path: '^src/services/',
      },
      to: {
        path: [
          ...layer('server', 'collections', 'globals', 'hooks', 'access', 'jobs', 'admin', 'app'),
          ...layer('endpoints'),
          ...layer('seed', 'cli'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'endpoints-below-collections',
      comment:
        'src/endpoints: custom Payload endpoints (route-like handlers that collections wire in). They ' +
        'check roles with src/access, work through services and rules, and may take labels from ' +
        "the collections' option and label lists, but not a collection's config.",
      severity: 'error',
      from: { path: '^src/endpoints/' },
      to: {
        path: [
          ...layer('server', 'globals', 'hooks', 'jobs', 'admin', 'app', 'seed', 'cli'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'endpoints-use-collection-labels-only',
      severity: 'error',
      from: { path: '^src/endpoints/' },
      to: { path: '^src/collections/', pathNot: '^src/collections/(options|i18n)[.]ts$' },
    },
    {
      name: 'access-stays-below',
      comment: 'src/access: one access function per file, from roles and rules only.',
      severity: 'error',
      from: { path: '^src/access/' },
      to: {
        path: [
          ...layer('services', 'server', 'collections', 'globals', 'hooks', 'jobs', 'mail'),
          ...layer('endpoints'),
          ...layer('admin', 'app', 'seed', 'cli', 'importer'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'hooks-stay-below',
      comment: 'src/hooks: thin, call rules and services; collections wire them, not the reverse.',
      severity: 'error',
      from: { path: '^src/hooks/' },
      to: {
        path: [
          ...layer('server', 'collections', 'globals', 'jobs', 'admin', 'app', 'seed', 'cli'),
          ...layer('endpoints'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'collections-stay-below',
      comment:
        'Collections and globals are assembled by the config; they know nothing of the server or jobs.',
      severity: 'error',
      from: { path: layer('collections', 'globals') },
      to: { path: [...layer('server', 'jobs', 'app', 'seed', 'cli'), ...CONFIG] },
    },
    {
      name: 'jobs-stay-below',
      comment: 'src/jobs: Payload tasks that call services.',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: {
        path: [
          ...layer('server', 'collections', 'globals', 'hooks', 'admin', 'app', 'seed', 'cli'),
          ...layer('endpoints'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'mail-stays-below',
      comment: 'src/mail: message texts and the mail adapter, used by services, jobs and routes.',
      severity: 'error',
      from: { path: '^src/mail/' },
      to: {
        path: [
          ...layer('services', 'server', 'collections', 'globals', 'hooks', 'jobs', 'access'),
          ...layer('admin', 'app', 'seed', 'cli', 'endpoints'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'importer-stays-below',
      comment: 'src/importer: parses terms text; the CLI and services put the result in Payload.',
      severity: 'error',
      from: { path: '^src/importer/' },
      to: {
        path: [
          ...layer('services', 'server', 'collections', 'globals', 'hooks', 'jobs', 'access'),
          ...layer('admin', 'app', 'seed', 'cli', 'mail', 'endpoints'),
          ...CONFIG,
        ],
      },
    },
    {
      name: 'config-below-server',
      comment:
        'The config assembles collections, jobs and mail; the server starts it, not the reverse.',
      severity: 'error',
      from: { path: CONFIG },
      to: { path: layer('server', 'app', 'seed', 'cli') },
    },
    {
      name: 'server-not-into-admin',
      comment:
        'src/server: the Express app; it reaches the admin panel through Next, and Payload through the config.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: layer('admin', 'app', 'hooks', 'access', 'jobs', 'cli') },
    },
    {
      name: 'admin-not-into-server',
      comment:
        'src/admin: admin components and their server functions; they reach Payload through @payload-config.',
      severity: 'error',
      from: { path: '^src/admin/' },
      to: {
        path: [
          ...layer('server', 'collections', 'globals', 'hooks', 'jobs', 'app', 'seed', 'cli'),
          '^src/config/',
        ],
      },
    },
    {
      name: 'app-is-next-only',
      comment: 'src/app: Next route groups; they render the admin from the config and src/admin.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/', pathNot: ['^src/app/', '^src/admin/'] },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^src/migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
  },
}
