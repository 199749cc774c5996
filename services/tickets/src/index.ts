import { runService } from '@bigtix/middleware';
import { ticketsService } from './service';

runService(ticketsService);
