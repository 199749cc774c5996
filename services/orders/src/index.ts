import { runService } from '@bigtix/middleware';
import { ordersService } from './service';

runService(ordersService);
