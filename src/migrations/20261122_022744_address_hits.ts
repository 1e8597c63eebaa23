import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`address_hits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`bucket\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`address_hits_bucket_idx\` ON \`address_hits\` (\`bucket\`);`)
  await db.run(sql`CREATE INDEX \`address_hits_at_idx\` ON \`address_hits\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`address_hits_updated_at_idx\` ON \`address_hits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`address_hits_created_at_idx\` ON \`address_hits\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`address_hits_id\` integer REFERENCES address_hits(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_address_hits_id_idx\` ON \`payload_locked_documents_rels\` (\`address_hits_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`address_hits\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`offices_id\` integer,
  	\`users_id\` integer,
  	\`reservation_policies_id\` integer,
  	\`bookings_id\` integer,
  	\`applicant_standings_id\` integer,
  	\`terms_templates_id\` integer,
  	\`terms_editions_id\` integer,
  	\`change_notices_id\` integer,
  	\`audit_log_id\` integer,
  	\`claims_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`offices_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reservation_policies_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bookings_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`applicant_standings_id\`) REFERENCES \`applicant_standings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_templates_id\`) REFERENCES \`terms_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_editions_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`change_notices_id\`) REFERENCES \`change_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`claims_id\`) REFERENCES \`claims\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "offices_id", "users_id", "reservation_policies_id", "bookings_id", "applicant_standings_id", "terms_templates_id", "terms_editions_id", "change_notices_id", "audit_log_id", "claims_id") SELECT "id", "order", "parent_id", "path", "offices_id", "users_id", "reservation_policies_id", "bookings_id", "applicant_standings_id", "terms_templates_id", "terms_editions_id", "change_notices_id", "audit_log_id", "claims_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_offices_id_idx\` ON \`payload_locked_documents_rels\` (\`offices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reservation_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`reservation_policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bookings_id_idx\` ON \`payload_locked_documents_rels\` (\`bookings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_applicant_standings_id_idx\` ON \`payload_locked_documents_rels\` (\`applicant_standings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_terms_templates_id_idx\` ON \`payload_locked_documents_rels\` (\`terms_templates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_terms_editions_id_idx\` ON \`payload_locked_documents_rels\` (\`terms_editions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_change_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`change_notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_claims_id_idx\` ON \`payload_locked_documents_rels\` (\`claims_id\`);`)
}
