import { PageLoading } from '@/components/layout/route-states';

export default function Loading() {
  return <PageLoading label="Loading email verification" />;
}
