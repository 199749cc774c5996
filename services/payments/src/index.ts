import { runService } from '@bigtix/middleware';
import { paymentsService } from './service';

runService(paymentsService);
