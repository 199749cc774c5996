// The balancer lives with the supervisor now (dev and bench stacks with replicas use it too).
export { RunningBalancer, startBalancer } from '@bigtix/dev-runner';
