import { expose } from 'comlink';
import { openDatabase } from '../src/db/database';
import { createRosterImportApi } from './roster-import-api';

expose(createRosterImportApi(openDatabase));
