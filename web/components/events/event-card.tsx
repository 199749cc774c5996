import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { EventView } from '@/lib/view/event';
import { LinkCardAction } from '@/components/layout/links';

export function EventCard({ event, extra, href }: { event: EventView; extra?: string; href?: string }) {
  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none' }}>
      <LinkCardAction href={href ?? `/events/${event.id}`} sx={{ display: 'flex', alignItems: 'stretch', justifyContent: 'flex-start' }}>
        <CardContent sx={{ flex: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, lineHeight: 1.3 }}>
            {event.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {event.dateLabel}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {event.venueLabel}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            {extra && <Chip size="small" color="primary" label={extra} />}
            {event.status !== 'onsale' && event.status !== 'unknown' && <Chip size="small" color="warning" label={event.status} />}
          </Stack>
        </CardContent>
      </LinkCardAction>
    </Card>
  );
}
