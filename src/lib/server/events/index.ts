// Events: open houses, education fairs, bridge-building and trial days (pejlemærke 2), entered
// here or read every hour from the institutions' own iCalendar feeds, and given out as feeds.
export {
	createEvent,
	comingEventsOf,
	eventForEditing,
	eventInput,
	updateEvent,
	comingEventsAbout,
	getEvent,
	type ComingEvent,
	lastEventChange,
	setEventCancelled,
	type EventInput,
	type EventView
} from './events.ts';
export {
	feedInput,
	feedsDue,
	feedsOf,
	feedWindow,
	subscribeFeed,
	syncAllFeeds,
	syncFeed,
	unsubscribeFeed,
	type EventFeed,
	type FeedSettings,
	type SyncOutcome
} from './feeds.ts';
export {
	CalendarError,
	readCalendar,
	writeCalendar,
	type CalendarEntry,
	type FeedEvent
} from './ical.ts';
export { readFeedSafely } from './read-feed.ts';
export {
	searchEvents,
	eventQuery,
	EVENT_PAGE_SIZE,
	type EventHit,
	type EventQuery,
	type EventResults
} from './search.ts';
export { eventQueryFromUrl } from './url-query.ts';
export { eventLd } from './json-ld.ts';
export { loadDemoEvents } from './demo.ts';
export { events, eventFeeds } from './schema.ts';
export { byDay, eventListPage, monthAround, monthGrid } from './list-page.ts';
export { copenhagenInstant, copenhagenIso, copenhagenMidnight, dayAfter } from '../local-date.ts';
