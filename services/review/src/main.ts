import { runService } from '@koppel/http';
import { loadReviewConfig } from './config';
import { startReview } from './service';

runService('review', loadReviewConfig, startReview);
