import { runService } from '@koppel/http';
import { loadIntakeConfig } from './config';
import { startIntake } from './service';

runService('intake', loadIntakeConfig, startIntake);
