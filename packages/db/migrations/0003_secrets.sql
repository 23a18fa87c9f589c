-- Secrets for tools (`{{secrets.name}}`), stored encrypted: AES-GCM ciphertext and IV, base64.
-- The key comes from the Worker secret SECRETS_MASTER_KEY and is never stored here.
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`ciphertext` text NOT NULL,
	`iv` text NOT NULL,
	`updated_at` integer NOT NULL
);
