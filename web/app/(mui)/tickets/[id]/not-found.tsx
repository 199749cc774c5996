import { NotFoundMessage } from '@/components/layout/route-states';

export default function NotFound() {
  return <NotFoundMessage what="Listing" />;
}
