// Fetching from other servers (Statistics Denmark, calendar feeds): https only, no private
// addresses, a time limit and a size limit, so a remote server can neither stall nor probe us.
export { FetchError, fetchLimited, type Fetched, type FetchOptions } from './fetch.ts';
