import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`offices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`signatory_title\` text NOT NULL,
  	\`prefecture\` text NOT NULL,
  	\`phone\` text,
  	\`email\` text,
  	\`staff_notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`offices_slug_idx\` ON \`offices\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`offices_updated_at_idx\` ON \`offices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`offices_created_at_idx\` ON \`offices\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_offices\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`office_id\` integer NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_offices_order_idx\` ON \`users_offices\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_offices_parent_id_idx\` ON \`users_offices\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_offices_office_idx\` ON \`users_offices\` (\`office_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'office-staff' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels_tools\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reservation_policies_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_tools_order_idx\` ON \`reservation_policies_channels_tools\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_tools_parent_idx\` ON \`reservation_policies_channels_tools\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels_required_fields\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reservation_policies_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_required_fields_order_idx\` ON \`reservation_policies_channels_required_fields\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_required_fields_parent_idx\` ON \`reservation_policies_channels_required_fields\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels_optional_fields\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reservation_policies_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_optional_fields_order_idx\` ON \`reservation_policies_channels_optional_fields\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_optional_fields_parent_idx\` ON \`reservation_policies_channels_optional_fields\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels_cancel_by\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reservation_policies_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_cancel_by_order_idx\` ON \`reservation_policies_channels_cancel_by\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_cancel_by_parent_idx\` ON \`reservation_policies_channels_cancel_by\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels_same_day_cancel_by\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reservation_policies_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_same_day_cancel_by_order_idx\` ON \`reservation_policies_channels_same_day_cancel_by\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_same_day_cancel_by_parent_idx\` ON \`reservation_policies_channels_same_day_cancel_by\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_channels\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`channel\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_order_idx\` ON \`reservation_policies_channels\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_channels_parent_id_idx\` ON \`reservation_policies_channels\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_windows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`weekday\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_windows_order_idx\` ON \`reservation_policies_windows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_windows_parent_id_idx\` ON \`reservation_policies_windows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_closures\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_closures_order_idx\` ON \`reservation_policies_closures\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_closures_parent_id_idx\` ON \`reservation_policies_closures\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies_eligibility\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`statement_id\` text NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_eligibility_order_idx\` ON \`reservation_policies_eligibility\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_eligibility_parent_id_idx\` ON \`reservation_policies_eligibility\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`reservation_policies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office_id\` integer,
  	\`effective_from\` text NOT NULL,
  	\`session_minutes\` numeric DEFAULT 30 NOT NULL,
  	\`capacity_per_slot\` numeric DEFAULT 1 NOT NULL,
  	\`booking_window_days\` numeric DEFAULT 30 NOT NULL,
  	\`lead_time\` text DEFAULT 'before-start' NOT NULL,
  	\`confirm_window_minutes\` numeric DEFAULT 60 NOT NULL,
  	\`no_show_grace_minutes\` numeric DEFAULT 10 NOT NULL,
  	\`refuse_after_no_shows\` numeric DEFAULT 0 NOT NULL,
  	\`court\` text NOT NULL,
  	\`governing_law\` text DEFAULT '日本法' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reservation_policies_office_idx\` ON \`reservation_policies\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_updated_at_idx\` ON \`reservation_policies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reservation_policies_created_at_idx\` ON \`reservation_policies\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`office_effectiveFrom_idx\` ON \`reservation_policies\` (\`office_id\`,\`effective_from\`);`)
  await db.run(sql`CREATE TABLE \`bookings_status_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor\` text,
  	\`via\` text,
  	\`reason\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`bookings_status_history_order_idx\` ON \`bookings_status_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`bookings_status_history_parent_id_idx\` ON \`bookings_status_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`bookings\` (
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
  	\`confirm_token_hash\` text,
  	\`cancel_token_hash\` text,
  	\`tokens_expire_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_terms_edition_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`bookings_office_idx\` ON \`bookings\` (\`office_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bookings_reference_idx\` ON \`bookings\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`bookings_slot_start_idx\` ON \`bookings\` (\`slot_start\`);`)
  await db.run(sql`CREATE INDEX \`bookings_status_idx\` ON \`bookings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`bookings_applicant_key_idx\` ON \`bookings\` (\`applicant_key\`);`)
  await db.run(sql`CREATE INDEX \`bookings_consent_consent_terms_edition_idx\` ON \`bookings\` (\`consent_terms_edition_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bookings_seat_lock_idx\` ON \`bookings\` (\`seat_lock\`);`)
  await db.run(sql`CREATE INDEX \`bookings_confirm_token_hash_idx\` ON \`bookings\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`bookings_cancel_token_hash_idx\` ON \`bookings\` (\`cancel_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`bookings_updated_at_idx\` ON \`bookings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bookings_created_at_idx\` ON \`bookings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`applicant_standings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office_id\` integer,
  	\`applicant_key\` text NOT NULL,
  	\`label\` text,
  	\`no_show_count\` numeric DEFAULT 0 NOT NULL,
  	\`refused\` integer DEFAULT false,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`applicant_standings_office_idx\` ON \`applicant_standings\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`applicant_standings_updated_at_idx\` ON \`applicant_standings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`applicant_standings_created_at_idx\` ON \`applicant_standings\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`office_applicantKey_idx\` ON \`applicant_standings\` (\`office_id\`,\`applicant_key\`);`)
  await db.run(sql`CREATE TABLE \`terms_templates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`version\` numeric DEFAULT 1 NOT NULL,
  	\`document\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`terms_templates_updated_at_idx\` ON \`terms_templates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`terms_templates_created_at_idx\` ON \`terms_templates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`terms_editions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office_id\` integer,
  	\`title\` text,
  	\`number\` numeric NOT NULL,
  	\`effective_from\` text NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`template_id\` integer,
  	\`policy_id\` integer,
  	\`overrides\` text,
  	\`content\` text,
  	\`content_hash\` text,
  	\`published_at\` text,
  	\`published_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`template_id\`) REFERENCES \`terms_templates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`terms_editions_office_idx\` ON \`terms_editions\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_status_idx\` ON \`terms_editions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_template_idx\` ON \`terms_editions\` (\`template_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_policy_idx\` ON \`terms_editions\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_content_hash_idx\` ON \`terms_editions\` (\`content_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`terms_editions_published_key_idx\` ON \`terms_editions\` (\`published_key\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_updated_at_idx\` ON \`terms_editions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`terms_editions_created_at_idx\` ON \`terms_editions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`office_number_idx\` ON \`terms_editions\` (\`office_id\`,\`number\`);`)
  await db.run(sql`CREATE TABLE \`change_notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`office_id\` integer,
  	\`title\` text,
  	\`edition_id\` integer NOT NULL,
  	\`previous_edition_id\` integer,
  	\`ground\` text NOT NULL,
  	\`reasons\` text,
  	\`summary\` text,
  	\`effective_from\` text NOT NULL,
  	\`changed_articles\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`office_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`previous_edition_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`change_notices_office_idx\` ON \`change_notices\` (\`office_id\`);`)
  await db.run(sql`CREATE INDEX \`change_notices_edition_idx\` ON \`change_notices\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`change_notices_previous_edition_idx\` ON \`change_notices\` (\`previous_edition_id\`);`)
  await db.run(sql`CREATE INDEX \`change_notices_status_idx\` ON \`change_notices\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`change_notices_updated_at_idx\` ON \`change_notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`change_notices_created_at_idx\` ON \`change_notices\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`collection_slug\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`office\` text,
  	\`actor\` text,
  	\`before\` text,
  	\`after\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_at_idx\` ON \`audit_log\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_office_idx\` ON \`audit_log\` (\`office\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`offices_id\`) REFERENCES \`offices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reservation_policies_id\`) REFERENCES \`reservation_policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bookings_id\`) REFERENCES \`bookings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`applicant_standings_id\`) REFERENCES \`applicant_standings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_templates_id\`) REFERENCES \`terms_templates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_editions_id\`) REFERENCES \`terms_editions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`change_notices_id\`) REFERENCES \`change_notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`hq_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`minimum_notice_days\` numeric DEFAULT 30 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`offices\`;`)
  await db.run(sql`DROP TABLE \`users_offices\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels_tools\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels_required_fields\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels_optional_fields\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels_cancel_by\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels_same_day_cancel_by\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_channels\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_windows\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_closures\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies_eligibility\`;`)
  await db.run(sql`DROP TABLE \`reservation_policies\`;`)
  await db.run(sql`DROP TABLE \`bookings_status_history\`;`)
  await db.run(sql`DROP TABLE \`bookings\`;`)
  await db.run(sql`DROP TABLE \`applicant_standings\`;`)
  await db.run(sql`DROP TABLE \`terms_templates\`;`)
  await db.run(sql`DROP TABLE \`terms_editions\`;`)
  await db.run(sql`DROP TABLE \`change_notices\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`hq_settings\`;`)
}
