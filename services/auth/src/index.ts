import { runService } from '@bigtix/middleware';
import { authService } from './service';

runService(authService);
