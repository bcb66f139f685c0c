import { runService } from '@koppel/http';
import { loadPortalConfig } from './config';
import { startPortal } from './service';

runService('portal', loadPortalConfig, startPortal);
