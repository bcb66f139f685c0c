import { loadIntakeConfig } from './config';
import { intake } from './service';

intake.main(loadIntakeConfig);
