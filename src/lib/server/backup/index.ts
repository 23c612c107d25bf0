// Backups: one portable file per backup, the same for both engines, made from one snapshot and
// checked row by row when restored; and the server's own schedule for them.
export {
	BACKUP_FORMAT,
	BackupError,
	NOT_BACKED_UP,
	compareWithManifest,
	createBackup,
	readManifest,
	restoreBackup,
	verifyBackupFile,
	type BackupManifest,
	type BackupResult,
	type RestoreResult
} from './backup.ts';
export {
	backupDue,
	backupFileName,
	backupPath,
	lastBackup,
	listBackups,
	takeBackup,
	type BackupFile,
	type BackupOutcome,
	type BackupSettings,
	type LastBackup
} from './schedule.ts';
