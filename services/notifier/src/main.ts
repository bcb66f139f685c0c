import { runService } from '@koppel/http';
import { loadNotifierConfig } from './config';
import { startNotifier } from './service';

runService('notifier', loadNotifierConfig, startNotifier);
