import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { importFile, savedMapping, saveMapping, type ImportPreview } from './import.ts';
import type { ImportProblem } from './rows.ts';
import type { ProblemLanguage } from '../problem-language.ts';
import { uploadDrafts } from './schema.ts';

const DRAFT_MINUTES = 60;

export type StagedUpload =
	| {
			ok: true;
			draftId: string;
			preview: ImportPreview;
			rows: number;
			sha256: string;
			fileName: string;
	  }
	| { ok: false; problems: ImportProblem[] };

/**
 * The web upload's first step: check the file exactly as the command line does (a dry run of
 * the same import), and keep it as a draft with a preview of what it would change.
 */
export async function stageUpload(
	db: Db,
	actorId: string,
	input: { indicatorCode: string; fileName: string; bytes: Uint8Array; measure?: string },
	language?: ProblemLanguage
): Promise<StagedUpload> {
	const mapping = {
		...((await savedMapping(db, input.indicatorCode)) ?? {}),
		...(input.measure ? { measure: input.measure } : {})
	};
	const checked = await importFile(
		db,
		input.indicatorCode,
		{ data: input.bytes, fileName: input.fileName, mapping },
		{ actor: actorId },
		{ dryRun: true, language }
	);
	if (!checked.ok) return { ok: false, problems: checked.problems };
	// Let other requests in between the (long) check and the next statements.
	await yieldToEventLoop();
	await pruneUploadDrafts(db);
	const [draft] = await db
		.insert(uploadDrafts)
		.values({
			indicatorCode: input.indicatorCode,
			actor: actorId,
			fileName: input.fileName,
			sha256: checked.sha256,
			content: Buffer.from(input.bytes).toString('base64'),
			mapping,
			expiresAt: sql`now() + interval '${sql.raw(String(DRAFT_MINUTES))} minutes'`
		})
		.returning({ id: uploadDrafts.id });
	return {
		ok: true,
		draftId: draft!.id,
		preview: checked.preview,
		rows: checked.rows,
		sha256: checked.sha256,
		fileName: input.fileName
	};
}

export type ConfirmedUpload =
	| { ok: true; result: ImportPreview; indicatorCode: string }
	| { ok: false; reason: 'expired' }
	| { ok: false; reason: 'rejected'; problems: ImportProblem[] };

/** The second step: import the draft's file (all or nothing) and spend the draft. */
export async function confirmUpload(
	db: Db,
	actorId: string,
	draftId: string,
	language?: ProblemLanguage
): Promise<ConfirmedUpload> {
	const [draft] = await db
		.delete(uploadDrafts)
		.where(
			and(
				eq(uploadDrafts.id, draftId),
				eq(uploadDrafts.actor, actorId),
				gt(uploadDrafts.expiresAt, sql`now()`)
			)
		)
		.returning();
	if (!draft) return { ok: false, reason: 'expired' };
	await yieldToEventLoop();
	const bytes = new Uint8Array(Buffer.from(draft.content, 'base64'));
	const done = await importFile(
		db,
		draft.indicatorCode,
		{ data: bytes, fileName: draft.fileName, mapping: draft.mapping },
		{ actor: actorId },
		{ language }
	);
	if (!done.ok) return { ok: false, reason: 'rejected', problems: done.problems };
	if (Object.keys(draft.mapping).length > 0)
		await saveMapping(db, draft.indicatorCode, draft.mapping);
	return { ok: true, result: done.preview, indicatorCode: draft.indicatorCode };
}

/** Deletes upload previews that expired without being confirmed; the number deleted. */
export async function pruneUploadDrafts(db: Db): Promise<number> {
	const deleted = await db
		.delete(uploadDrafts)
		.where(lt(uploadDrafts.expiresAt, sql`now()`))
		.returning({ id: uploadDrafts.id });
	return deleted.length;
}
