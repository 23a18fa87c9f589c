-- Knowledge bases (issue 6). Written by hand: FTS5 tables and triggers are outside drizzle-kit, and
-- the ordinary tables mirror src/knowledge-schema.ts.
CREATE TABLE `knowledge_bases` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`chunk_size` integer NOT NULL,
	`chunk_overlap` integer NOT NULL,
	`embedding_model` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `knowledge_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`knowledge_base_id` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`source_url` text,
	`chunk_count` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`knowledge_base_id`) REFERENCES `knowledge_bases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `knowledge_documents_base` ON `knowledge_documents` (`knowledge_base_id`,`created_at`);--> statement-breakpoint
-- A document's extracted text, in parts: a D1 row holds at most 2 MB, a document up to 1,000,000 characters.
CREATE TABLE `knowledge_document_parts` (
	`document_id` text NOT NULL,
	`part` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`document_id`, `part`),
	FOREIGN KEY (`document_id`) REFERENCES `knowledge_documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- `seq` is the rowid the FTS5 index refers to; `terms` is the text segmented into words (Intl.Segmenter).
CREATE TABLE `knowledge_chunks` (
	`seq` integer PRIMARY KEY,
	`id` text NOT NULL,
	`knowledge_base_id` text NOT NULL,
	`document_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`terms` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `knowledge_documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `knowledge_chunks_id` ON `knowledge_chunks` (`id`);--> statement-breakpoint
CREATE INDEX `knowledge_chunks_document` ON `knowledge_chunks` (`document_id`,`position`);--> statement-breakpoint
CREATE INDEX `knowledge_chunks_base` ON `knowledge_chunks` (`knowledge_base_id`);--> statement-breakpoint
-- Keyword search filters FTS5 matches by base and document through this covering index, without
-- reading the (large) chunk rows of matches that do not make the top K.
CREATE INDEX `knowledge_chunks_scope` ON `knowledge_chunks` (`seq`,`knowledge_base_id`,`document_id`);--> statement-breakpoint
-- Vectors of the local vector store (production uses Vectorize): float32, base64.
CREATE TABLE `knowledge_chunk_vectors` (
	`chunk_id` text PRIMARY KEY NOT NULL,
	`knowledge_base_id` text NOT NULL,
	`document_id` text NOT NULL,
	`vector` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `knowledge_chunk_vectors_base` ON `knowledge_chunk_vectors` (`knowledge_base_id`);--> statement-breakpoint
CREATE VIRTUAL TABLE `knowledge_chunk_terms` USING fts5(
	`terms`,
	content = 'knowledge_chunks',
	content_rowid = 'seq',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `knowledge_chunks_indexed` AFTER INSERT ON `knowledge_chunks` BEGIN
	INSERT INTO `knowledge_chunk_terms` (`rowid`, `terms`) VALUES (new.`seq`, new.`terms`);
END;
--> statement-breakpoint
-- Also fires for rows removed by ON DELETE CASCADE (a document or knowledge base deleted).
CREATE TRIGGER `knowledge_chunks_removed` AFTER DELETE ON `knowledge_chunks` BEGIN
	INSERT INTO `knowledge_chunk_terms` (`knowledge_chunk_terms`, `rowid`, `terms`) VALUES ('delete', old.`seq`, old.`terms`);
	DELETE FROM `knowledge_chunk_vectors` WHERE `chunk_id` = old.`id`;
END;
