import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`offices\` ADD \`applicant_retention_days\` numeric;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`applicant_erased_at\` text;`)
  await db.run(sql`CREATE INDEX \`bookings_applicant_erased_at_idx\` ON \`bookings\` (\`applicant_erased_at\`);`)
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`warnings\` text;`)
  await db.run(sql`ALTER TABLE \`hq_settings\` ADD \`applicant_retention_days\` numeric DEFAULT 365 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`bookings_applicant_erased_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`bookings\` DROP COLUMN \`applicant_erased_at\`;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`applicant_retention_days\`;`)
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`warnings\`;`)
  await db.run(sql`ALTER TABLE \`hq_settings\` DROP COLUMN \`applicant_retention_days\`;`)
}
