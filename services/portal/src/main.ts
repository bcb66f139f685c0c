import { loadPortalConfig } from './config';
import { portal } from './service';

portal.main(loadPortalConfig);
