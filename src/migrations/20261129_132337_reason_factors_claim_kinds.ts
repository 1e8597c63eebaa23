import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`reason_factors_necessity\` text;`)
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`reason_factors_appropriateness\` text;`)
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`reason_factors_change_clause\` text;`)
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`reason_factors_disadvantage\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`reason_factors_necessity\`;`)
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`reason_factors_appropriateness\`;`)
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`reason_factors_change_clause\`;`)
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`reason_factors_disadvantage\`;`)
}
