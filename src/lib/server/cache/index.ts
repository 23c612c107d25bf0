// Caches for public content: versioned by a counter every audited write bumps, so they stay
// correct with several app instances on one PostgreSQL database.
export { ContentVersion, LruCache, VersionedCache } from './versioned.ts';
export { PageCache } from './page-cache.ts';
