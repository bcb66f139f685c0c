import { loadReviewConfig } from './config';
import { review } from './service';

review.main(loadReviewConfig);
