import { expose } from 'comlink';
import { openDatabase } from '../src/db/database';
import { createAnalysisApi } from './analysis-api';

expose(createAnalysisApi(openDatabase()));
