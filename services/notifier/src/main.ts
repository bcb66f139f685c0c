import { loadNotifierConfig } from './config';
import { notifier } from './service';

notifier.main(loadNotifierConfig);
