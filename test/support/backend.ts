/**
 * Set by scripts/mongo/test-against-mongo.sh: the MongoDB-protocol server is FerretDB v1, which
 * differs from MongoDB in a few ways (docs/mongodb.md). Tests keep asserting what MongoDB does and
 * skip those cases by name here.
 */
export const onFerretDb = process.env.KIYAKU_TEST_FERRETDB === '1'
