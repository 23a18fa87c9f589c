-- Written by hand (issue 5): tokens each app used per UTC day, for its daily token budget. One row per
-- app and day, added to by the end-of-run batch (an upsert), so counting costs no extra round trip.
CREATE TABLE `app_daily_usage` (
	`app_id` text NOT NULL,
	`day` text NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`runs` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`app_id`, `day`),
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE cascade
);
