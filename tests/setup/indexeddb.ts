// Every test file gets a fresh in-memory IndexedDB (fake-indexeddb), as a phone's browser would.
import 'fake-indexeddb/auto';
