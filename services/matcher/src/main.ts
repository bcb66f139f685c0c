import { loadMatcherConfig } from './config';
import { matcher } from './service';

matcher.main(loadMatcherConfig);
