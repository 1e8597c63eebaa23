import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`offices_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offices_texts_order_parent\` ON \`offices_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`offices\` ADD \`had_terms_before_kiyaku\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`reservation_policies_eligibility\` ADD \`terms_text\` text;`)
  await db.run(sql`ALTER TABLE \`reservation_policies\` ADD \`max_open_bookings_per_applicant\` numeric DEFAULT 3 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`consent_method\` text;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`consent_shown_via\` text;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`consent_in_force_at_booking_id\` integer REFERENCES terms_editions(id);`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`eligibility_affirmed\` text;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`cancel_method_offered\` integer;`)
  await db.run(sql`ALTER TABLE \`bookings\` ADD \`status_reason\` text;`)
  await db.run(sql`CREATE INDEX \`bookings_consent_consent_in_force_at_booking_idx\` ON \`bookings\` (\`consent_in_force_at_booking_id\`);`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` ADD \`review_due\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` ADD \`last_no_show_booking\` text;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` ADD \`refused_at\` text;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` ADD \`refused_by\` text;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` ADD \`applicant_notified_at\` text;`)
  await db.run(sql`ALTER TABLE \`terms_editions\` ADD \`withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`change_notices\` ADD \`kind\` text DEFAULT 'change';`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`offices_texts\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_bookings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office_id\` integer,
  	\`reference\` text,
  	\`slot_start\` text NOT NULL,
  	\`slot_end\` text,
  	\`channel\` text DEFAULT 'staff-scheduled' NOT NULL,
  	\`tool\` text,
  	\`status\` text DEFAULT 'confirmed' NOT NULL,
  	\`meeting_url\` text,
  	\`applicant_name\` text,
  	\`applicant_email\` text,
  	\`applicant_phone\` text,
  	\`applicant_job_seeker_number\` text,
  	\`applicant_desired_date_time\` text,
  	\`applicant_note\` text,
  	\`applicant_key\` text,
  	\`eligibility\` text,
  	\`consent_terms_edition_id\` integer,
  	\`consent_content_hash\` text,
  	\`consent_agreed_at\` text,
  	\`confirm_by\` text,
  	\`cancel_via\` text,
  	\`seat_lock\` text,
  	\`revision\` numeric DEFAULT 0,
  	\`confirm_token_hash\` text,
  	\`cancel_token_hash\` text,
  	\`tokens_expire_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_terms_edition_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_bookings\`("id", "office_id", "reference", "slot_start", "slot_end", "channel", "tool", "status", "meeting_url", "applicant_name", "applicant_email", "applicant_phone", "applicant_job_seeker_number", "applicant_desired_date_time", "applicant_note", "applicant_key", "eligibility", "consent_terms_edition_id", "consent_content_hash", "consent_agreed_at", "confirm_by", "cancel_via", "seat_lock", "revision", "confirm_token_hash", "cancel_token_hash", "tokens_expire_at", "updated_at", "created_at") SELECT "id", "office_id", "reference", "slot_start", "slot_end", "channel", "tool", "status", "meeting_url", "applicant_name", "applicant_email", "applicant_phone", "applicant_job_seeker_number", "applicant_desired_date_time", "applicant_note", "applicant_key", "eligibility", "consent_terms_edition_id", "consent_content_hash", "consent_agreed_at", "confirm_by", "cancel_via", "seat_lock", "revision", "confirm_token_hash", "cancel_token_hash", "tokens_expire_at", "updated_at", "created_at" FROM \`bookings\`;`)
  await db.run(sql`DROP TABLE \`bookings\`;`)
  await db.run(sql`ALTER TABLE \`__new_bookings\` RENAME TO \`bookings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`bookings_office_idx\` ON \`bookings\` (\`office_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bookings_reference_idx\` ON \`bookings\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`bookings_slot_start_idx\` ON \`bookings\` (\`slot_start\`);`)
  await db.run(sql`CREATE INDEX \`bookings_status_idx\` ON \`bookings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`bookings_applicant_key_idx\` ON \`bookings\` (\`applicant_key\`);`)
  await db.run(sql`CREATE INDEX \`bookings_consent_consent_terms_edition_idx\` ON \`bookings\` (\`consent_terms_edition_id\`);`)
  await db.run(sql`CREATE INDEX \`bookings_confirm_by_idx\` ON \`bookings\` (\`confirm_by\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bookings_seat_lock_idx\` ON \`bookings\` (\`seat_lock\`);`)
  await db.run(sql`CREATE INDEX \`bookings_confirm_token_hash_idx\` ON \`bookings\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`bookings_cancel_token_hash_idx\` ON \`bookings\` (\`cancel_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`bookings_updated_at_idx\` ON \`bookings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bookings_created_at_idx\` ON \`bookings\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`office_slotStart_idx\` ON \`bookings\` (\`office_id\`,\`slot_start\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
  await db.run(sql`ALTER TABLE \`offices\` DROP COLUMN \`had_terms_before_kiyaku\`;`)
  await db.run(sql`ALTER TABLE \`reservation_policies_eligibility\` DROP COLUMN \`terms_text\`;`)
  await db.run(sql`ALTER TABLE \`reservation_policies\` DROP COLUMN \`max_open_bookings_per_applicant\`;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` DROP COLUMN \`review_due\`;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` DROP COLUMN \`last_no_show_booking\`;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` DROP COLUMN \`refused_at\`;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` DROP COLUMN \`refused_by\`;`)
  await db.run(sql`ALTER TABLE \`applicant_standings\` DROP COLUMN \`applicant_notified_at\`;`)
  await db.run(sql`ALTER TABLE \`terms_editions\` DROP COLUMN \`withdrawn_at\`;`)
  await db.run(sql`ALTER TABLE \`change_notices\` DROP COLUMN \`kind\`;`)
}
