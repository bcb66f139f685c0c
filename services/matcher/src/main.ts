import { runService } from '@koppel/http';
import { loadMatcherConfig } from './config';
import { startMatcher } from './service';

runService('matcher', loadMatcherConfig, startMatcher);
