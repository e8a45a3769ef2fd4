-- Administration of organisations and communities runs as the application role like every other
-- write (ACCESS.md §4.3: the app connects only as entente_app). Both tables are public reference
-- data without labels; the API checks the security-officer/admin role and audits every change.
GRANT UPDATE ON organisation TO entente_app;
--> statement-breakpoint
GRANT INSERT ON community TO entente_app;
